using System.Collections.Concurrent;
using System.Diagnostics;

namespace PHDB.Cli.Tests.EndToEnd;

/// <summary>
/// A <c>phdb</c> process left running while the test goes on (e.g. <c>events tail</c>): its output is collected as it
/// comes, and the test can wait for a line on standard error before acting.
/// </summary>
internal sealed class BackgroundCli : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly ConcurrentQueue<string> error = new();

    private BackgroundCli(Process process) => this.process = process;

    public IReadOnlyList<string> Output => [.. output];

    public static BackgroundCli Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = CliProcess.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliProcess.AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PHDB_DATA_DIRECTORY"] = Path.Combine(Path.GetTempPath(), "phdb-cli-tests-empty");
        start.Environment.Remove("PHDB_DATABASE");
        var process = new Process { StartInfo = start };
        var cli = new BackgroundCli(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                cli.output.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                cli.error.Enqueue(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Waits until standard error holds a line containing <paramref name="text"/>.</summary>
    public Task SaysAsync(string text, TimeSpan timeout) =>
        PHDB.Testing.Eventually.HoldsAsync(
            () =>
                Task.FromResult(process.HasExited || error.Any(line => line.Contains(text, StringComparison.Ordinal))),
            timeout,
            $"phdb said '{text}' on standard error (it said: {string.Join(" | ", error)})"
        );

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> ExitsAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(
                $"phdb did not exit within {timeout}; output: {string.Join(" | ", output)}; error: {string.Join(" | ", error)}"
            );
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
