using Microsoft.Data.Sqlite;
using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Writing.Sqlite;

/// <summary>Inserts one table's rows through one prepared statement whose parameters are reused for every row.</summary>
internal sealed class SqliteTableWriter(SqliteFormatWriter file, ExportTable table, SqliteCommand command)
    : ITableWriter
{
    private readonly ColumnKind[] kinds = [.. table.Columns.Select(c => c.Kind)];
    private readonly SqliteParameter[] parameters = [.. command.Parameters.Cast<SqliteParameter>()];
    private bool commandDisposed;

    /// <summary>The table.</summary>
    public ExportTable Table => table;

    /// <summary>Rows inserted so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Whether the table's last row was written.</summary>
    public bool Completed { get; private set; }

    /// <inheritdoc />
    public ValueTask WriteAsync(RowBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Table.Columns.Count != kinds.Length)
        {
            throw new ArgumentException($"The batch is not of the table {table.Name}.", nameof(batch));
        }

        ObjectDisposedException.ThrowIf(Completed, this);
        return file.RunAsync(() => Insert(batch), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(CancellationToken cancellationToken) =>
        file.RunAsync(
            () =>
            {
                Completed = true;
                DisposeCommand();
            },
            cancellationToken
        );

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Finalizes the prepared statement; the format writer calls it holding its lock.</summary>
    internal void DisposeCommand()
    {
        if (!commandDisposed)
        {
            commandDisposed = true;
            command.Dispose();
        }
    }

    private void Insert(RowBatch batch)
    {
        ObjectDisposedException.ThrowIf(commandDisposed, this);
        var columns = new Array[kinds.Length];
        for (var c = 0; c < kinds.Length; c++)
        {
            columns[c] = batch.Column(c);
        }

        for (var row = 0; row < batch.Count; row++)
        {
            for (var c = 0; c < kinds.Length; c++)
            {
                parameters[c].Value = Value(kinds[c], columns[c], row);
            }

            command.ExecuteNonQuery();
        }

        Rows += batch.Count;
    }

    private static object Value(ColumnKind kind, Array column, int row) =>
        kind switch
        {
            ColumnKind.BigInt => ((long?[])column)[row] is { } v ? v : DBNull.Value,
            ColumnKind.Count => ((int?[])column)[row] is { } v ? (long)v : DBNull.Value,
            ColumnKind.Real => ((double?[])column)[row] is { } v ? v : DBNull.Value,
            ColumnKind.Boolean => ((bool?[])column)[row] is { } v ? (v ? 1L : 0L) : DBNull.Value,
            ColumnKind.Timestamp => ((DateTime?[])column)[row] is { } v ? SqliteValues.Timestamp(v) : DBNull.Value,
            ColumnKind.Date => ((DateOnly?[])column)[row] is { } v ? SqliteValues.Date(v) : DBNull.Value,
            _ => (object?)((string?[])column)[row] ?? DBNull.Value,
        };
}
