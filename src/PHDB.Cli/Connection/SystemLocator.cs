using Npgsql;
using PHDB.Grains;
using PHDB.Runtime;

namespace PHDB.Cli.Connection;

/// <summary>
/// Finds the PHDB to talk to: <c>--database</c>, else <c>PHDB_DATABASE</c>, else the runtime file a running AppHost
/// left in the data directory. When none is there it says so and how to start PHDB.
/// </summary>
internal static class SystemLocator
{
    /// <summary>The environment variable holding a connection string.</summary>
    public const string DatabaseVariable = "PHDB_DATABASE";

    /// <summary>The environment variable naming the data directory.</summary>
    public const string DataDirectoryVariable = "PHDB_DATA_DIRECTORY";

    /// <summary>The data directory: <c>--data-directory</c>, <c>PHDB_DATA_DIRECTORY</c>, or the AppHost's default.</summary>
    public static string DataDirectory(string? option)
    {
        var chosen = option ?? Environment.GetEnvironmentVariable(DataDirectoryVariable);
        return string.IsNullOrWhiteSpace(chosen) ? PhdbHostSettings.DefaultDataDirectory() : Path.GetFullPath(chosen);
    }

    /// <summary>The running AppHost's runtime file, if an AppHost that is still alive wrote one.</summary>
    public static RuntimeInfo? RunningAppHost(string dataDirectory) =>
        RuntimeFile.TryRead(dataDirectory) is { IsAlive: true } info ? info : null;

    /// <exception cref="CliException">Nothing was given and no AppHost runs (69), or the string is malformed (78).</exception>
    public static PhdbTarget Locate(string? databaseOption, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(databaseOption))
        {
            return Checked(databaseOption, "--database", null);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(DatabaseVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Checked(fromEnvironment, DatabaseVariable, null);
        }

        if (RunningAppHost(dataDirectory) is { } runtime)
        {
            return Checked(runtime.ConnectionString, RuntimeFile.PathIn(dataDirectory), runtime);
        }

        throw CliException.Unavailable(
            $"PHDB is not running: no AppHost has left a live {RuntimeFile.PathIn(dataDirectory)}. "
                + "Start it with `dotnet run --project PHDB.AppHost`, or name a database with --database or "
                + $"{DatabaseVariable}."
        );
    }

    private static PhdbTarget Checked(string connectionString, string source, RuntimeInfo? runtime)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the password: name the source only.
            throw CliException.Configuration(
                $"The connection string from {source} is not a valid PostgreSQL connection string."
            );
        }

        return new PhdbTarget(connectionString, runtime?.ClusterId ?? PhdbCluster.DefaultClusterId, source, runtime);
    }
}
