using Npgsql;

namespace PHDB.Admin.Tests.Exports;

/// <summary>
/// Holds an exclusive lock on one table in an open transaction, so an export that reaches the table waits there
/// (deterministically "running") until the lock is released.
/// </summary>
internal sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private NpgsqlTransaction? transaction;

    private TableLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<TableLock> TakeAsync(NpgsqlDataSource dataSource, string table)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE",
            connection,
            transaction
        );
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new TableLock(connection, transaction);
    }

    /// <summary>Lets the waiting export go on.</summary>
    public async Task ReleaseAsync()
    {
        if (transaction is not null)
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await connection.DisposeAsync();
    }
}
