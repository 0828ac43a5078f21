using Npgsql;

namespace PHDB.Publishing;

/// <summary>
/// The cluster-wide publication lock: a PostgreSQL session advisory lock held on a connection of its own for the
/// whole publication. A host that dies loses its connection and with it the lock.
/// </summary>
internal sealed class PublicationLock : IAsyncDisposable
{
    /// <summary>The lock's key ("PHDBPUBL").</summary>
    public const long Key = 0x5048_4442_5055_424C;

    private readonly NpgsqlConnection connection;

    private PublicationLock(NpgsqlConnection connection) => this.connection = connection;

    /// <summary>Takes the lock, or returns <c>null</c> when another session holds it.</summary>
    public static async Task<PublicationLock?> TryAcquireAsync(
        NpgsqlDataSource dataSource,
        CancellationToken cancellationToken
    )
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Key });
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new PublicationLock(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Fails when the lock's connection is gone (and with it the lock): nothing may be committed then.</summary>
    public async Task EnsureHeldAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted "
                    + "AND ((classid::bigint << 32) | objid::bigint) = $1",
                connection
            );
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Key });
            if (await command.ExecuteScalarAsync(cancellationToken) is long and > 0)
            {
                return;
            }
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"The publication lost its connection to the database, and with it the publication lock: {e.Message}",
                e
            );
        }

        throw new InvalidOperationException("The publication no longer holds the publication lock.");
    }

    /// <summary>Releases the lock and the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Key });
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server released the lock with the session.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
