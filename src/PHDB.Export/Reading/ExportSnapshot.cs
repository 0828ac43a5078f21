using Npgsql;

namespace PHDB.Export.Reading;

/// <summary>
/// One consistent view of the database for a whole export: a <c>REPEATABLE READ READ ONLY</c> transaction whose
/// snapshot (<c>pg_export_snapshot()</c>) further connections adopt, so tables read side by side see the same rows
/// and every reference inside the export resolves while a harvest writes. The snapshot lives as long as this object.
/// </summary>
public sealed class ExportSnapshot : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private ExportSnapshot(
        NpgsqlDataSource dataSource,
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string snapshotId,
        DateTimeOffset takenAt
    )
    {
        this.dataSource = dataSource;
        this.connection = connection;
        this.transaction = transaction;
        SnapshotId = snapshotId;
        TakenAt = takenAt;
    }

    /// <summary>PostgreSQL's name of the snapshot.</summary>
    public string SnapshotId { get; }

    /// <summary>When the snapshot was taken (the database's clock).</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>Takes a snapshot.</summary>
    public static async Task<ExportSnapshot> TakeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(
                System.Data.IsolationLevel.RepeatableRead,
                cancellationToken
            );
            await using var command = new NpgsqlCommand(
                "SET TRANSACTION READ ONLY; SELECT pg_export_snapshot(), transaction_timestamp()",
                connection,
                transaction
            );
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var id = reader.GetString(0);
            var takenAt = reader.GetFieldValue<DateTimeOffset>(1);
            return new ExportSnapshot(dataSource, connection, transaction, id, takenAt);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens another connection that sees exactly this snapshot; dispose it when done.</summary>
    public async Task<SnapshotConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var other = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var otherTransaction = await other.BeginTransactionAsync(
                System.Data.IsolationLevel.RepeatableRead,
                cancellationToken
            );
            await using var command = new NpgsqlCommand(
                $"SET TRANSACTION READ ONLY; SET TRANSACTION SNAPSHOT '{SnapshotId.Replace("'", "''", StringComparison.Ordinal)}'",
                other,
                otherTransaction
            );
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new SnapshotConnection(other, otherTransaction);
        }
        catch
        {
            await other.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a scalar query in the snapshot's own transaction.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
