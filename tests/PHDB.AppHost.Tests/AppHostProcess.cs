using System.Diagnostics;
using System.Reflection;

namespace PHDB.AppHost.Tests;

/// <summary>What one run of the AppHost as its own process printed and returned.</summary>
public sealed record AppHostResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

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

    public static async Task<AppHostResult> RunAsync(
        IEnumerable<string> arguments,
        TimeSpan timeout,
        CancellationToken cancellationToken
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ProjectDirectory,
        };
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
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The AppHost was still running after {timeout}.");
        }

        return new AppHostResult(process.ExitCode, await output, await error);
    }
}
