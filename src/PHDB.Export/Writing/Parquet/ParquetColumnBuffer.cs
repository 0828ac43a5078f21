using Parquet;
using Parquet.Schema;
using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Writing.Parquet;

/// <summary>
/// The values of one column for the row group being built, copied out of the (reused) <see cref="RowBatch"/>es into
/// a typed array that grows up to the row group's size.
/// </summary>
internal sealed class ParquetColumnBuffer
{
    private readonly ColumnKind kind;
    private readonly int maxRows;
    private Array values;

    /// <summary>Creates the buffer of <paramref name="column"/>, for row groups of up to <paramref name="maxRows"/> rows.</summary>
    public ParquetColumnBuffer(ExportColumn column, int maxRows)
    {
        kind = column.Kind;
        this.maxRows = maxRows;
        Field = CreateField(column);
        values = CreateArray(kind, Math.Min(maxRows, 1024));
    }

    /// <summary>The column's Parquet field.</summary>
    public DataField Field { get; }

    /// <summary>
    /// Copies <paramref name="count"/> values from row <paramref name="start"/> of the batch to position
    /// <paramref name="at"/>; returns the UTF-16 bytes of the text copied (0 for other kinds).
    /// </summary>
    public long Append(RowBatch batch, int column, int start, int count, int at)
    {
        if (at + count > values.Length)
        {
            var larger = CreateArray(kind, Math.Min(maxRows, Math.Max(values.Length * 2, at + count)));
            Array.Copy(values, larger, at);
            values = larger;
        }

        Array.Copy(batch.Column(column), start, values, at, count);
        if (kind != ColumnKind.Text)
        {
            return 0;
        }

        long bytes = 0;
        foreach (var text in ((string?[])values).AsSpan(at, count))
        {
            bytes += text is null ? 0 : 2L * text.Length;
        }

        return bytes;
    }

    /// <summary>The smallest and largest instant of the first <paramref name="rows"/> values of a timestamp column, in microseconds since the Unix epoch; <c>null</c> when all are NULL.</summary>
    public (long Min, long Max)? MicrosecondRange(int rows)
    {
        long? min = null;
        long? max = null;
        foreach (var value in ((DateTime?[])values).AsSpan(0, rows))
        {
            if (value is { } time)
            {
                var micros = (time.Ticks - DateTime.UnixEpoch.Ticks) / 10;
                min = min is null || micros < min ? micros : min;
                max = max is null || micros > max ? micros : max;
            }
        }

        return min is null ? null : (min.Value, max!.Value);
    }

    /// <summary>Writes the first <paramref name="rows"/> values as the column's chunk of the row group, then forgets them.</summary>
    public async Task WriteAsync(ParquetRowGroupWriter rowGroup, int rows, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case ColumnKind.BigInt:
                await rowGroup.WriteAsync<long>(
                    Field,
                    ((long?[])values).AsMemory(0, rows),
                    null,
                    null,
                    cancellationToken
                );
                break;
            case ColumnKind.Count:
                await rowGroup.WriteAsync<int>(
                    Field,
                    ((int?[])values).AsMemory(0, rows),
                    null,
                    null,
                    cancellationToken
                );
                break;
            case ColumnKind.Real:
                await rowGroup.WriteAsync<double>(
                    Field,
                    ((double?[])values).AsMemory(0, rows),
                    null,
                    null,
                    cancellationToken
                );
                break;
            case ColumnKind.Boolean:
                await rowGroup.WriteAsync<bool>(
                    Field,
                    ((bool?[])values).AsMemory(0, rows),
                    null,
                    null,
                    cancellationToken
                );
                break;
            case ColumnKind.Timestamp:
                await rowGroup.WriteAsync<DateTime>(
                    Field,
                    ((DateTime?[])values).AsMemory(0, rows),
                    null,
                    null,
                    cancellationToken
                );
                break;
            case ColumnKind.Date:
                await rowGroup.WriteAsync<DateOnly>(
                    Field,
                    ((DateOnly?[])values).AsMemory(0, rows),
                    null,
                    null,
                    cancellationToken
                );
                break;
            default:
                await rowGroup.WriteAsync(Field, new ArraySegment<string>((string[])values, 0, rows), null);
                break;
        }

        Array.Clear(values, 0, rows);
    }

    private static DataField CreateField(ExportColumn column) =>
        column.Kind switch
        {
            ColumnKind.BigInt => new DataField(column.Name, typeof(long), column.Nullable),
            ColumnKind.Count => new DataField(column.Name, typeof(int), column.Nullable),
            ColumnKind.Real => new DataField(column.Name, typeof(double), column.Nullable),
            ColumnKind.Boolean => new DataField(column.Name, typeof(bool), column.Nullable),
            ColumnKind.Timestamp => new DateTimeDataField(
                column.Name,
                DateTimeFormat.Timestamp,
                isAdjustedToUTC: true,
                unit: DateTimeTimeUnit.Micros,
                isNullable: column.Nullable
            ),
            ColumnKind.Date => new DataField(column.Name, typeof(DateOnly), column.Nullable),
            _ => new DataField(column.Name, typeof(string), column.Nullable),
        };

    private static Array CreateArray(ColumnKind kind, int length) =>
        kind switch
        {
            ColumnKind.BigInt => new long?[length],
            ColumnKind.Count => new int?[length],
            ColumnKind.Real => new double?[length],
            ColumnKind.Boolean => new bool?[length],
            ColumnKind.Timestamp => new DateTime?[length],
            ColumnKind.Date => new DateOnly?[length],
            _ => new string?[length],
        };
}
