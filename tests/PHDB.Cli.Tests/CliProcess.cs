using System.Diagnostics;
using PHDB.Testing;

namespace PHDB.Cli.Tests;

/// <summary>
/// Runs the built <c>phdb</c> (src/PHDB.Cli's output) as its own process, stdout and stderr redirected (so its output
/// is plain text), with an empty data directory unless the test gives one, and a bounded wait.
/// </summary>
public static class CliProcess
{
    private static readonly Lazy<string> Assembly = new(FindAssembly);

    /// <summary>The repository's root (the folder of PHDB.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The <c>phdb</c> assembly to run with <c>dotnet</c>.</summary>
    public static string AssemblyPath => Assembly.Value;

    public static async Task<CliResult> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? standardInput = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default
    )
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Never the developer's own PHDB: an empty data directory unless the test names one.
        start.Environment["PHDB_DATA_DIRECTORY"] = Path.Combine(Path.GetTempPath(), "phdb-cli-tests-empty");
        start.Environment.Remove("PHDB_DATABASE");
        start.Environment.Remove("NO_COLOR");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        return await ProcessRun.RunAsync(start, standardInput, timeout ?? TimeSpan.FromSeconds(90), cancellationToken);
    }

    public static Task<CliResult> RunAsync(params string[] arguments) => RunAsync(arguments, null);

    private static string FindRoot()
    {
        for (
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent
        )
        {
            if (File.Exists(Path.Combine(directory.FullName, "PHDB.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PHDB.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindAssembly()
    {
        // The CLI's own build output: the tests' folder lacks what the ASP.NET Core framework provides the tests but
        // not the CLI, which carries those assemblies itself.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var built = Path.Combine(RepositoryRoot, "src", "PHDB.Cli", "bin", configuration, "net10.0", "phdb.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException("phdb.dll is not built", built);
    }

    /// <summary>Text without ANSI escape sequences (asserts that none were there are up to the caller).</summary>
    public static bool HasAnsi(string text) => text.Contains('\u001b', StringComparison.Ordinal);
}
