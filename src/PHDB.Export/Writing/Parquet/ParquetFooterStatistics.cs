using System.Buffers.Binary;

namespace PHDB.Export.Writing.Parquet;

/// <summary>
/// Rewrites the footer statistics of the timestamp columns of a finished Parquet file in place. Parquet.Net 6.1 writes
/// the min/max of a <c>TIMESTAMP(MICROS)</c> column in milliseconds (aloneguid/parquet-dotnet#769), which makes readers
/// that prune row groups by statistics (DuckDB) skip rows; the right values, in microseconds, have the same 8 bytes.
/// The footer is walked with a minimal Thrift compact-protocol reader.
/// </summary>
internal static class ParquetFooterStatistics
{
    private const byte Stop = 0;
    private const byte True = 1;
    private const byte False = 2;
    private const byte Byte = 3;
    private const byte I16 = 4;
    private const byte I32 = 5;
    private const byte I64 = 6;
    private const byte Double = 7;
    private const byte Binary = 8;
    private const byte List = 9;
    private const byte Set = 10;
    private const byte Map = 11;
    private const byte Struct = 12;

    /// <summary>
    /// Sets the min/max statistics of column <c>c</c> of row group <c>g</c> to <c>ranges[g][c]</c> (microseconds) where
    /// that is not <c>null</c>. <paramref name="file"/> is positioned nowhere in particular and must be readable,
    /// writable and seekable.
    /// </summary>
    public static async Task PatchAsync(
        Stream file,
        IReadOnlyList<(long Min, long Max)?[]> ranges,
        CancellationToken cancellationToken
    )
    {
        var tail = new byte[8];
        file.Seek(-8, SeekOrigin.End);
        await file.ReadExactlyAsync(tail, cancellationToken);
        if (tail[4] != 'P' || tail[5] != 'A' || tail[6] != 'R' || tail[7] != '1')
        {
            throw new InvalidDataException("The file does not end like a Parquet file.");
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        var footerStart = file.Length - 8 - footerLength;
        var footer = new byte[footerLength];
        file.Seek(footerStart, SeekOrigin.Begin);
        await file.ReadExactlyAsync(footer, cancellationToken);

        var reader = new Reader(footer, ranges);
        reader.FileMetaData();
        if (reader.Patched)
        {
            file.Seek(footerStart, SeekOrigin.Begin);
            await file.WriteAsync(footer, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }
    }

    private sealed class Reader(byte[] data, IReadOnlyList<(long Min, long Max)?[]> ranges)
    {
        private int position;

        public bool Patched { get; private set; }

        public void FileMetaData()
        {
            short last = 0;
            while (NextField(ref last, out var type, out var id))
            {
                if (id == 4 && type == List)
                {
                    var (elementType, size) = ListHeader();
                    for (var g = 0; g < size; g++)
                    {
                        Expect(elementType, Struct);
                        RowGroup(g);
                    }
                }
                else
                {
                    Skip(type);
                }
            }
        }

        private void RowGroup(int group)
        {
            short last = 0;
            while (NextField(ref last, out var type, out var id))
            {
                if (id == 1 && type == List)
                {
                    var (elementType, size) = ListHeader();
                    for (var c = 0; c < size; c++)
                    {
                        Expect(elementType, Struct);
                        ColumnChunk(group, c);
                    }
                }
                else
                {
                    Skip(type);
                }
            }
        }

        private void ColumnChunk(int group, int column)
        {
            short last = 0;
            while (NextField(ref last, out var type, out var id))
            {
                if (id == 3 && type == Struct)
                {
                    ColumnMetaData(group, column);
                }
                else
                {
                    Skip(type);
                }
            }
        }

        private void ColumnMetaData(int group, int column)
        {
            short last = 0;
            while (NextField(ref last, out var type, out var id))
            {
                if (id == 12 && type == Struct)
                {
                    Statistics(group, column);
                }
                else
                {
                    Skip(type);
                }
            }
        }

        private void Statistics(int group, int column)
        {
            var range = group < ranges.Count && column < ranges[group].Length ? ranges[group][column] : null;
            short last = 0;
            while (NextField(ref last, out var type, out var id))
            {
                // 1 max, 2 min (deprecated), 5 max_value, 6 min_value: PLAIN-encoded int64 for a timestamp.
                if (type == Binary && id is 1 or 2 or 5 or 6)
                {
                    var length = checked((int)Varint());
                    if (range is { } r && length == 8)
                    {
                        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(position, 8), id is 1 or 5 ? r.Max : r.Min);
                        Patched = true;
                    }

                    position += length;
                }
                else
                {
                    Skip(type);
                }
            }
        }

        private bool NextField(ref short last, out byte type, out short id)
        {
            var header = data[position++];
            type = (byte)(header & 0x0F);
            if (type == Stop)
            {
                id = 0;
                return false;
            }

            var delta = header >> 4;
            id = delta != 0 ? (short)(last + delta) : (short)ZigZag(Varint());
            last = id;
            return true;
        }

        private (byte ElementType, int Size) ListHeader()
        {
            var header = data[position++];
            var size = header >> 4;
            return ((byte)(header & 0x0F), size == 15 ? checked((int)Varint()) : size);
        }

        private void Skip(byte type, bool element = false)
        {
            switch (type)
            {
                case True or False:
                    // A boolean field carries its value in the type; a boolean list element is one byte.
                    position += element ? 1 : 0;
                    break;
                case Byte:
                    position++;
                    break;
                case I16 or I32 or I64:
                    Varint();
                    break;
                case Double:
                    position += 8;
                    break;
                case Binary:
                {
                    // Read the length first: it advances the position.
                    var length = checked((int)Varint());
                    position += length;
                    break;
                }
                case List or Set:
                {
                    var (elementType, size) = ListHeader();
                    for (var i = 0; i < size; i++)
                    {
                        Skip(elementType, element: true);
                    }

                    break;
                }
                case Map:
                {
                    var size = checked((int)Varint());
                    if (size > 0)
                    {
                        var types = data[position++];
                        for (var i = 0; i < size; i++)
                        {
                            Skip((byte)(types >> 4), element: true);
                            Skip((byte)(types & 0x0F), element: true);
                        }
                    }

                    break;
                }
                case Struct:
                {
                    short last = 0;
                    while (NextField(ref last, out var fieldType, out _))
                    {
                        Skip(fieldType);
                    }

                    break;
                }
                default:
                    throw new InvalidDataException($"Unknown Thrift compact type {type} in the Parquet footer.");
            }
        }

        private ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = data[position++];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }

            throw new InvalidDataException("A malformed varint in the Parquet footer.");
        }

        private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

        private static void Expect(byte actual, byte expected)
        {
            if (actual != expected)
            {
                throw new InvalidDataException("An unexpected Thrift type in the Parquet footer.");
            }
        }
    }
}
