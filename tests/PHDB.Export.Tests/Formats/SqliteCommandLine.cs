using System.Diagnostics;

namespace PHDB.Export.Tests.Formats;

/// <summary>
/// Debian's <c>sqlite3</c> program, the SQLite tests' independent reader. DuckDB (referenced by this project) reads
/// SQLite only through its <c>sqlite</c> extension, which it downloads from extensions.duckdb.org on first use; that
/// site is out of reach here, so the tests read the file with the SQLite shell instead (CI installs it).
/// </summary>
internal static class SqliteCommandLine
{
    /// <summary>The rows <paramref name="sql"/> returns, each as its values (NULL as an empty string).</summary>
    public static async Task<IReadOnlyList<string[]>> QueryAsync(
        string file,
        string sql,
        CancellationToken cancellationToken
    )
    {
        var start = new ProcessStartInfo("sqlite3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var argument in new[] { "-batch", "-bail", "-readonly", "-noheader", "-list", "-separator", "|", file }
        )
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("sqlite3 did not start.");
        await process.StandardInput.WriteLineAsync(sql.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || (await error).Length > 0)
        {
            throw new InvalidOperationException($"sqlite3 failed ({process.ExitCode}) on {sql}: {await error}");
        }

        return [.. (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('|'))];
    }
}
