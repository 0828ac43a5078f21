using System.Diagnostics;
using System.Reflection;
using PHDB.Testing;

namespace PHDB.AppHost.Tests;

/// <summary>
/// Runs the built AppHost as an operator would (<c>dotnet run --project PHDB.AppHost --no-build -- …</c>), for
/// checks that end before anything starts; killed if it is still running after the timeout.
/// </summary>
public static class AppHostProcess
{
    private static readonly string Configuration =
        typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The AppHost's project folder (its appsettings files).</summary>
    public static string ProjectDirectory { get; } =
        Projects.PHDB_AppHost.ProjectPath.EndsWith(".csproj", StringComparison.Ordinal)
            ? Path.GetDirectoryName(Projects.PHDB_AppHost.ProjectPath)!
            : Projects.PHDB_AppHost.ProjectPath;

    public static async Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken
    )
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = ProjectDirectory };
        foreach (
            var argument in new[] { "run", "--project", ProjectDirectory, "--no-build", "-c", Configuration, "--" }
        )
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Never the developer's token.
        start.Environment.Remove("Parameters__producthunt-token");
        return await ProcessRun.RunAsync(start, null, timeout, cancellationToken);
    }
}
