using System.Text;
using Microsoft.Data.Sqlite;
using PHDB.Export.Reading;
using PHDB.Export.Schema;
using SQLitePCL;

namespace PHDB.Export.Writing.Sqlite;

/// <summary>
/// Inserts one table's rows through one prepared statement, binding each row's values by position straight into
/// SQLite (no boxing, no look-up of parameter names), then step and reset.
/// </summary>
internal sealed class SqliteTableWriter(
    SqliteFormatWriter file,
    ExportTable table,
    sqlite3 database,
    sqlite3_stmt insert
) : ITableWriter
{
    private readonly ColumnKind[] kinds = [.. table.Columns.Select(c => c.Kind)];
    private bool statementFinalized;
    private byte[] utf8 = new byte[1024];

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
                FinalizeStatement();
            },
            cancellationToken
        );

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Finalizes the prepared statement; the format writer calls it holding its lock.</summary>
    internal void FinalizeStatement()
    {
        if (!statementFinalized)
        {
            statementFinalized = true;
            insert.Dispose();
        }
    }

    private void Insert(RowBatch batch)
    {
        ObjectDisposedException.ThrowIf(statementFinalized, this);
        var columns = new Array[kinds.Length];
        for (var c = 0; c < kinds.Length; c++)
        {
            columns[c] = batch.Column(c);
        }

        for (var row = 0; row < batch.Count; row++)
        {
            for (var c = 0; c < kinds.Length; c++)
            {
                Check(Bind(c + 1, kinds[c], columns[c], row));
            }

            var stepped = raw.sqlite3_step(insert);
            raw.sqlite3_reset(insert);
            if (stepped != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(stepped, database);
            }
        }

        Rows += batch.Count;
    }

    private int Bind(int index, ColumnKind kind, Array column, int row) =>
        kind switch
        {
            ColumnKind.BigInt => ((long?[])column)[row] is { } v
                ? raw.sqlite3_bind_int64(insert, index, v)
                : raw.sqlite3_bind_null(insert, index),
            ColumnKind.Count => ((int?[])column)[row] is { } v
                ? raw.sqlite3_bind_int64(insert, index, v)
                : raw.sqlite3_bind_null(insert, index),
            ColumnKind.Real => ((double?[])column)[row] is { } v
                ? raw.sqlite3_bind_double(insert, index, v)
                : raw.sqlite3_bind_null(insert, index),
            ColumnKind.Boolean => ((bool?[])column)[row] is { } v
                ? raw.sqlite3_bind_int64(insert, index, v ? 1 : 0)
                : raw.sqlite3_bind_null(insert, index),
            ColumnKind.Timestamp => ((DateTime?[])column)[row] is { } v
                ? BindUtf8(index, SqliteValues.Timestamp(v))
                : raw.sqlite3_bind_null(insert, index),
            ColumnKind.Date => ((DateOnly?[])column)[row] is { } v
                ? BindUtf8(index, SqliteValues.Date(v))
                : raw.sqlite3_bind_null(insert, index),
            _ => ((string?[])column)[row] is { } v ? BindUtf8(index, v) : raw.sqlite3_bind_null(insert, index),
        };

    /// <summary>
    /// Binds text as UTF-8 through a reused buffer (SQLite copies it). Not UTF-16: SQLite takes a leading U+FEFF of
    /// UTF-16 text for a byte-order mark and drops it.
    /// </summary>
    private int BindUtf8(int index, string value)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (utf8.Length < needed)
        {
            utf8 = new byte[Math.Max(needed, utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, utf8);
        return raw.sqlite3_bind_text(insert, index, utf8.AsSpan(0, length));
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }
}
