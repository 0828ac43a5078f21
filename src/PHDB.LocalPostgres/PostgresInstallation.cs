using System.Diagnostics;

namespace PHDB.LocalPostgres;

/// <summary>The folder of a PostgreSQL server installation (the one holding <c>initdb</c> and <c>postgres</c>).</summary>
public sealed record PostgresInstallation(string BinDirectory)
{
    /// <summary>Path of <c>initdb</c>.</summary>
    public string Initdb => Path.Combine(BinDirectory, "initdb");

    /// <summary>Path of the <c>postgres</c> server executable.</summary>
    public string Server => Path.Combine(BinDirectory, "postgres");

    /// <summary>
    /// Finds the server binaries: the configured folder if given, else <c>pg_config --bindir</c>,
    /// else the newest <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>, else <c>/usr/local/pgsql/bin</c>.
    /// </summary>
    /// <exception cref="PostgresNotInstalledException">No folder holds both <c>initdb</c> and <c>postgres</c>.</exception>
    public static PostgresInstallation Locate(string? configuredBinDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredBinDirectory))
        {
            return HasServer(configuredBinDirectory)
                ? new PostgresInstallation(configuredBinDirectory)
                : throw new PostgresNotInstalledException(
                    $"The configured PostgreSQL folder '{configuredBinDirectory}' does not contain initdb and postgres."
                );
        }

        var searched = new List<string>();
        foreach (var candidate in Candidates())
        {
            searched.Add(candidate);
            if (HasServer(candidate))
            {
                return new PostgresInstallation(candidate);
            }
        }

        throw new PostgresNotInstalledException(searched);
    }

    private static IEnumerable<string> Candidates()
    {
        if (PgConfigBinDirectory() is { } fromPgConfig)
        {
            yield return fromPgConfig;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var versions = Directory
                .GetDirectories(debianRoot)
                .Select(Path.GetFileName)
                .Select(name => (name, version: decimal.TryParse(name, out var v) ? v : -1))
                .Where(x => x.version >= 0)
                .OrderByDescending(x => x.version);
            foreach (var (name, _) in versions)
            {
                yield return Path.Combine(debianRoot, name!, "bin");
            }
        }

        yield return "/usr/local/pgsql/bin";
    }

    private static bool HasServer(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "postgres"));

    private static string? PgConfigBinDirectory()
    {
        try
        {
            using var process = Process.Start(
                new ProcessStartInfo("pg_config", "--bindir")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                }
            );
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5_000);
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not on PATH.
        }
    }
}
