using System.Diagnostics;

namespace PHDB.Testing;

/// <summary>What one run of a program printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs a program to its end with its output captured, killed (with its children) after a timeout.</summary>
public static class ProcessRun
{
    /// <summary>
    /// Starts <paramref name="start"/> with stdout and stderr redirected, writes <paramref name="standardInput"/> (if
    /// any) and closes stdin, and waits at most <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="TimeoutException">The program was still running after <paramref name="timeout"/>.</exception>
    public static async Task<ProcessResult> RunAsync(
        ProcessStartInfo start,
        string? standardInput,
        TimeSpan timeout,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        using var process =
            Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"{start.FileName} {string.Join(' ', start.ArgumentList)} was still running after {timeout.TotalSeconds:0} s"
            );
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
