using Npgsql;
using NpgsqlTypes;
using PHDB.Export.Schema;

namespace PHDB.Export.Reading;

/// <summary>A connection inside an <see cref="ExportSnapshot"/>: streams tables with binary <c>COPY</c>.</summary>
public sealed class SnapshotConnection : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    internal SnapshotConnection(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    /// <summary>The connection, for queries of the snapshot's data.</summary>
    public NpgsqlConnection Connection => connection;

    /// <summary>The transaction holding the snapshot.</summary>
    public NpgsqlTransaction Transaction => transaction;

    /// <summary>
    /// Streams the rows of <paramref name="query"/> (whose columns are <paramref name="table"/>'s) in batches of up to
    /// <paramref name="batchRows"/> rows. The same batch is refilled: consume each before asking for the next.
    /// </summary>
    public async IAsyncEnumerable<RowBatch> ReadAsync(
        ExportTable table,
        string query,
        int batchRows,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(table);
        var batch = new RowBatch(table, batchRows);
        var kinds = table.Columns.Select(c => c.Kind).ToArray();
        await using var exporter = await connection.BeginBinaryExportAsync(
            $"COPY ({query}) TO STDOUT (FORMAT BINARY)",
            cancellationToken
        );
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var more = Fill(exporter, batch, kinds);
            if (batch.Count > 0)
            {
                yield return batch;
                batch.Clear();
            }

            if (!more)
            {
                yield break;
            }
        }
    }

    /// <summary>Fills the batch; false once the rows are exhausted.</summary>
    private static bool Fill(NpgsqlBinaryExporter exporter, RowBatch batch, ColumnKind[] kinds)
    {
        while (!batch.IsFull)
        {
            var columns = exporter.StartRow();
            if (columns == -1)
            {
                return false;
            }

            if (columns != kinds.Length)
            {
                throw new InvalidOperationException(
                    $"The query of {batch.Table.Name} returned {columns} columns; the table has {kinds.Length}."
                );
            }

            var row = batch.AddRow();
            for (var c = 0; c < kinds.Length; c++)
            {
                if (exporter.IsNull)
                {
                    exporter.Skip();
                    continue;
                }

                switch (kinds[c])
                {
                    case ColumnKind.BigInt:
                        batch.Int64s(c)[row] = exporter.Read<long>(NpgsqlDbType.Bigint);
                        break;
                    case ColumnKind.Count:
                        batch.Int32s(c)[row] = exporter.Read<int>(NpgsqlDbType.Integer);
                        break;
                    case ColumnKind.Real:
                        batch.Doubles(c)[row] = exporter.Read<double>(NpgsqlDbType.Double);
                        break;
                    case ColumnKind.Boolean:
                        batch.Booleans(c)[row] = exporter.Read<bool>(NpgsqlDbType.Boolean);
                        break;
                    case ColumnKind.Timestamp:
                        batch.Timestamps(c)[row] = exporter.Read<DateTime>(NpgsqlDbType.TimestampTz);
                        break;
                    case ColumnKind.Date:
                        batch.Dates(c)[row] = exporter.Read<DateOnly>(NpgsqlDbType.Date);
                        break;
                    default:
                        batch.Texts(c)[row] = exporter.Read<string>(NpgsqlDbType.Text);
                        break;
                }
            }
        }

        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
