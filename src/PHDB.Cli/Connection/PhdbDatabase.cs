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

    /// <summary>
    /// Opens one connection, so a database that is down says so at once (not after the cluster's time-out), and reads
    /// the id of the cluster whose silos are active in its membership table (the newest, if several are).
    /// </summary>
    /// <returns>The active cluster's id, or <see langword="null"/> when no silo is active.</returns>
    /// <exception cref="CliException">The database cannot be reached (69).</exception>
    public static async Task<string?> ProbeAsync(PhdbTarget target, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Timeout = 5, Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var active = new NpgsqlCommand(
                """
                SELECT deployment_id FROM orleans_membership
                WHERE status = 3 GROUP BY deployment_id ORDER BY max(i_am_alive_time) DESC LIMIT 1
                """,
                connection
            );
            return await active.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw CliException.Unavailable(
                $"{target.Describe()} has no PHDB schema: `phdb db migrate` creates it, and the silos then join."
            );
        }
        catch (Exception e) when (IsUnreachable(e) || e is NpgsqlException)
        {
            throw Unreachable(target, e);
        }
    }

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
