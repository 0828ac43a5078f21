using System.Diagnostics;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Configuration;

/// <summary>
/// Runs a built PHDB host (its own build output, as <c>dotnet &lt;host&gt;.dll</c>) with settings given as environment
/// variables, for checks that end before the host starts anything; killed if it still runs after the timeout.
/// </summary>
internal static class HostProcess
{
    /// <summary>Long enough for a cold start on a busy machine; a host refusing its settings exits in about a second.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task<ProcessResult> RunAsync(
        string project,
        IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken
    )
    {
        var output = BuildOutput.Of(project);
        var assembly = Path.Combine(output, project + ".dll");

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output };
        start.ArgumentList.Add(assembly);
        foreach (var key in start.Environment.Keys.ToList())
        {
            // Never a setting of the machine's own: only the test's.
            if (
                key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("OTEL_", StringComparison.Ordinal)
            )
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return ProcessRun.RunAsync(start, null, Timeout, cancellationToken);
    }
}
