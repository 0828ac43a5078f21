using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Writing.Csv;

/// <summary>
/// Encodes rows as RFC 4180 CSV into a UTF-8 byte buffer: fields quoted only when they hold <c>"</c>, <c>,</c>,
/// <c>\n</c> or <c>\r</c>; NULL empty and unquoted, the empty string <c>""</c>; ISO-8601 UTC timestamps with <c>Z</c>;
/// <c>\n</c> after every row. Numbers and dates are formatted straight into the buffer.
/// </summary>
internal sealed class CsvEncoder : IDisposable
{
    /// <summary>The buffer is handed to the stream once it holds this much.</summary>
    public const int FlushThreshold = 1 << 20;

    private const int ScalarRoom = 40;
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create("\",\n\r");
    private static readonly StandardFormat Micros = new('D', 6);

    private byte[] buffer = ArrayPool<byte>.Shared.Rent(2 * FlushThreshold);
    private int length;

    /// <summary>The encoded bytes not yet flushed.</summary>
    public ReadOnlyMemory<byte> Pending => buffer.AsMemory(0, length);

    /// <summary>Whether the buffer should be flushed.</summary>
    public bool IsFull => length >= FlushThreshold;

    /// <summary>Forgets the pending bytes (after they were written).</summary>
    public void Reset() => length = 0;

    /// <summary>Encodes the header row: the column names.</summary>
    public void WriteHeader(ExportTable table)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (c > 0)
            {
                WriteByte((byte)',');
            }

            WriteText(table.Columns[c].Name);
        }

        WriteByte((byte)'\n');
    }

    /// <summary>Encodes rows from <paramref name="start"/> until <paramref name="end"/> or until the buffer is full; returns the next row.</summary>
    public int WriteRows(RowBatch batch, ColumnKind[] kinds, int start, int end)
    {
        var row = start;
        while (row < end && !IsFull)
        {
            for (var c = 0; c < kinds.Length; c++)
            {
                if (c > 0)
                {
                    WriteByte((byte)',');
                }

                WriteField(batch, kinds[c], c, row);
            }

            WriteByte((byte)'\n');
            row++;
        }

        return row;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var rented = buffer;
        buffer = [];
        if (rented.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void WriteField(RowBatch batch, ColumnKind kind, int column, int row)
    {
        switch (kind)
        {
            case ColumnKind.BigInt:
                if (batch.Int64s(column)[row] is { } int64)
                {
                    Ensure(ScalarRoom);
                    Utf8Formatter.TryFormat(int64, buffer.AsSpan(length), out var written);
                    length += written;
                }

                break;
            case ColumnKind.Count:
                if (batch.Int32s(column)[row] is { } int32)
                {
                    Ensure(ScalarRoom);
                    Utf8Formatter.TryFormat(int32, buffer.AsSpan(length), out var written);
                    length += written;
                }

                break;
            case ColumnKind.Real:
                if (batch.Doubles(column)[row] is { } real)
                {
                    Ensure(ScalarRoom);
                    real.TryFormat(buffer.AsSpan(length), out var written, "R", CultureInfo.InvariantCulture);
                    length += written;
                }

                break;
            case ColumnKind.Boolean:
                if (batch.Booleans(column)[row] is { } flag)
                {
                    WriteAscii(flag ? "true"u8 : "false"u8);
                }

                break;
            case ColumnKind.Timestamp:
                if (batch.Timestamps(column)[row] is { } time)
                {
                    WriteTimestamp(time);
                }

                break;
            case ColumnKind.Date:
                if (batch.Dates(column)[row] is { } day)
                {
                    Ensure(ScalarRoom);
                    day.TryFormat(buffer.AsSpan(length), out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    length += written;
                }

                break;
            default:
                if (batch.Texts(column)[row] is { } text)
                {
                    WriteText(text);
                }

                break;
        }
    }

    private void WriteTimestamp(DateTime time)
    {
        Ensure(ScalarRoom);
        var span = buffer.AsSpan(length);
        time.TryFormat(span, out var written, "s", CultureInfo.InvariantCulture);
        var fraction = time.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            span[written++] = (byte)'.';
            if (fraction % 10 == 0)
            {
                Utf8Formatter.TryFormat(fraction / 10, span[written..], out var digits, Micros);
                written += digits;
            }
            else
            {
                Utf8Formatter.TryFormat(fraction, span[written..], out var digits, new StandardFormat('D', 7));
                written += digits;
            }
        }

        span[written++] = (byte)'Z';
        length += written;
    }

    private void WriteText(string text)
    {
        if (text.Length == 0)
        {
            WriteAscii("\"\""u8);
            return;
        }

        // UTF-8 needs at most 3 bytes per UTF-16 char; a doubled quote needs 2.
        Ensure((3 * text.Length) + 2);
        var source = text.AsSpan();
        if (source.IndexOfAny(NeedsQuotes) < 0)
        {
            length += Encoding.UTF8.GetBytes(source, buffer.AsSpan(length));
            return;
        }

        buffer[length++] = (byte)'"';
        while (true)
        {
            var quote = source.IndexOf('"');
            var part = quote < 0 ? source : source[..(quote + 1)];
            length += Encoding.UTF8.GetBytes(part, buffer.AsSpan(length));
            if (quote < 0)
            {
                break;
            }

            buffer[length++] = (byte)'"';
            source = source[(quote + 1)..];
        }

        buffer[length++] = (byte)'"';
    }

    private void WriteAscii(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    private void WriteByte(byte value)
    {
        Ensure(1);
        buffer[length++] = value;
    }

    private void Ensure(int room)
    {
        if (buffer.Length - length >= room)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + room));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
