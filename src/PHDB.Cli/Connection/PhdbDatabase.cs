using Npgsql;

namespace PHDB.Cli.Connection;

/// <summary>Opens the PHDB database for a command, with a short connect timeout and a clear error when it is down.</summary>
internal static class PhdbDatabase
{
    /// <summary>A data source for <paramref name="target"/>.</summary>
    public static NpgsqlDataSource Open(PhdbTarget target) =>
        NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(target.ConnectionString) { Timeout = 5, MaxPoolSize = 4 }.ConnectionString
        );

    /// <summary>Maps a failure to reach the database to exit code 69 with one line.</summary>
    public static CliException Unreachable(PhdbTarget target, Exception e) =>
        CliException.Unavailable(
            $"The PHDB database {target.Describe()} cannot be reached ({e.GetBaseException().Message}). "
                + "Is PHDB running? Start it with `dotnet run --project PHDB.AppHost`.",
            e
        );

    /// <summary>Whether <paramref name="e"/> means the database cannot be reached (not a query's fault).</summary>
    public static bool IsUnreachable(Exception e) =>
        e is NpgsqlException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException
        || (e is NpgsqlException && e.InnerException is System.Net.Sockets.SocketException or TimeoutException)
        || (e is PostgresException p && p.SqlState is "28P01" or "28000" or "3D000" or "57P03");
}
