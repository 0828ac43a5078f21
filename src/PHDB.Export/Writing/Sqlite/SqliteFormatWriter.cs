using Microsoft.Data.Sqlite;
using PHDB.Export.Schema;
using SQLitePCL;

namespace PHDB.Export.Writing.Sqlite;

/// <summary>
/// Writes every table into one SQLite file over one connection, in one transaction with the journal and syncs off
/// (a failed export is deleted, never repaired). Tables written from different tasks take turns: a
/// <see cref="SemaphoreSlim"/> is held for each statement or batch. Indexes and <c>ANALYZE</c> come at completion.
/// </summary>
internal sealed class SqliteFormatWriter : IFormatWriter
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<SqliteTableWriter> tables = [];
    private readonly SqliteConnection connection;
    private SqliteTransaction? transaction;
    private bool closed;

    public SqliteFormatWriter(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString()
        );
        try
        {
            connection.Open();
            Execute(
                """
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                PRAGMA locking_mode = EXCLUSIVE;
                PRAGMA temp_store = FILE;
                PRAGMA cache_size = -16384;
                PRAGMA foreign_keys = OFF;
                """
            );
            transaction = connection.BeginTransaction();
        }
        catch
        {
            Close();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask<ITableWriter> BeginTableAsync(ExportTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfClosed();
            if (tables.Any(t => t.Table.Name == table.Name))
            {
                throw new InvalidOperationException($"The table {table.Name} was already begun.");
            }

            Execute(SqliteSchema.CreateTable(table));
            var prepared = raw.sqlite3_prepare_v2(connection.Handle, SqliteSchema.Insert(table), out var insert);
            if (prepared != raw.SQLITE_OK || insert is null)
            {
                insert?.Dispose();
                throw new SqliteException(
                    $"Preparing the insert into {table.Name} failed: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}",
                    prepared
                );
            }

            var writer = new SqliteTableWriter(this, table, connection.Handle!, insert);
            tables.Add(writer);
            return writer;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<ExportedFile>> CompleteAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfClosed();
            var unfinished = tables.Where(t => !t.Completed).Select(t => t.Table.Name).ToList();
            if (unfinished.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The SQLite file cannot be completed before its tables: {string.Join(", ", unfinished)}."
                );
            }

            foreach (var table in tables)
            {
                foreach (var sql in SqliteSchema.CreateIndexes(table.Table))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Execute(sql);
                }
            }

            transaction!.Commit();
            transaction.Dispose();
            transaction = null;
            Execute("ANALYZE");
            var rows = tables.ToDictionary(t => t.Table.Name, t => t.Rows);
            Close();
            return [new ExportedFile(SqliteFormat.FileName, "sqlite", rows)];
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync();
        try
        {
            Close();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> alone on the connection.</summary>
    internal async ValueTask RunAsync(Action action, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ThrowIfClosed();
            action();
        }
        finally
        {
            gate.Release();
        }
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(closed, this);

    /// <summary>Rolls back what is not committed, closes the file and releases it.</summary>
    private void Close()
    {
        if (closed)
        {
            return;
        }

        closed = true;
        foreach (var table in tables)
        {
            table.FinalizeStatement();
        }

        transaction?.Dispose();
        transaction = null;
        connection.Close();
        SqliteConnection.ClearPool(connection);
        connection.Dispose();
    }
}
