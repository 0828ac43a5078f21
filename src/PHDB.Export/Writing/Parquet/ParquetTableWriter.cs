using Parquet;
using Parquet.Schema;
using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Writing.Parquet;

/// <summary>
/// Writes one table as Parquet: a file, or one per month under partitioning. Rows are buffered per column until a
/// row group is full (<see cref="FormatOptions.RowGroupRows"/> rows, or sooner once the buffered text passes
/// <see cref="MaxBufferedTextBytes"/>), then written as one row group.
/// </summary>
internal sealed class ParquetTableWriter : PartitionedTableWriter
{
    /// <summary>A row group is cut early once its buffered text takes this much memory (UTF-16).</summary>
    public const long MaxBufferedTextBytes = 8L << 20;

    private readonly ParquetOptions parquetOptions;
    private readonly int rowGroupRows;
    private readonly ParquetColumnBuffer[] columns;
    private readonly ParquetSchema schema;
    private readonly int[] timestampColumns;
    private readonly List<(long Min, long Max)?[]> timestampRanges = [];
    private FileStream? file;
    private ParquetWriter? writer;
    private int bufferedRows;
    private long bufferedTextBytes;

    /// <summary>Prepares the table's files under <c>exportRoot/parquet/</c>.</summary>
    public ParquetTableWriter(ExportTable table, string exportRoot, FormatOptions options, Action<ExportedFile> written)
        : base(table, exportRoot, ParquetFormat.FormatName, ".parquet", options.PartitionByMonth, written)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowGroupRows, 1);
        parquetOptions = new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Zstd,
            CompressionLevel = System.IO.Compression.CompressionLevel.Fastest,
            // Parquet.Net pools its page buffers; bound what the pool keeps between row groups.
            MaximumSmallPoolFreeBytes = 4 << 20,
            MaximumLargePoolFreeBytes = 16 << 20,
        };
        foreach (var column in table.Columns.Where(c => c.Kind == ColumnKind.Text))
        {
            // Parquet.Net 6.1 dictionary-encodes a column only when told to.
            parquetOptions.ColumnEncodingHints[column.Name] = EncodingHint.Dictionary;
        }

        rowGroupRows = options.RowGroupRows;
        columns = [.. table.Columns.Select(c => new ParquetColumnBuffer(c, rowGroupRows))];
        schema = new ParquetSchema(columns.Select(c => (Field)c.Field));
        timestampColumns =
        [
            .. Enumerable.Range(0, table.Columns.Count).Where(c => table.Columns[c].Kind == ColumnKind.Timestamp),
        ];
    }

    /// <inheritdoc />
    protected override async ValueTask OpenFileAsync(string fullPath, CancellationToken cancellationToken)
    {
        file = new FileStream(
            fullPath,
            new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                BufferSize = 1 << 16,
                Options = FileOptions.Asynchronous,
            }
        );
        timestampRanges.Clear();
        writer = await ParquetWriter.CreateAsync(schema, file, parquetOptions, false, cancellationToken);
    }

    /// <inheritdoc />
    protected override async ValueTask WriteRowsAsync(
        RowBatch batch,
        int start,
        int count,
        CancellationToken cancellationToken
    )
    {
        while (count > 0)
        {
            var take = Math.Min(count, rowGroupRows - bufferedRows);
            for (var c = 0; c < columns.Length; c++)
            {
                bufferedTextBytes += columns[c].Append(batch, c, start, take, bufferedRows);
            }

            bufferedRows += take;
            start += take;
            count -= take;
            if (bufferedRows >= rowGroupRows || bufferedTextBytes >= MaxBufferedTextBytes)
            {
                await WriteRowGroupAsync(cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    protected override async ValueTask CloseFileAsync(CancellationToken cancellationToken)
    {
        if (bufferedRows > 0)
        {
            await WriteRowGroupAsync(cancellationToken);
        }

        await writer!.DisposeAsync();
        writer = null;
        await file!.FlushAsync(cancellationToken);
        if (timestampColumns.Length > 0 && timestampRanges.Count > 0)
        {
            await ParquetFooterStatistics.PatchAsync(file, timestampRanges, cancellationToken);
        }

        await file.DisposeAsync();
        file = null;
    }

    /// <inheritdoc />
    protected override async ValueTask AbandonFileAsync()
    {
        bufferedRows = 0;
        bufferedTextBytes = 0;
        try
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
        }
        catch (IOException)
        {
            // The file is abandoned: a footer that cannot be written does not matter.
        }
        finally
        {
            writer = null;
            if (file is not null)
            {
                await file.DisposeAsync();
            }

            file = null;
        }
    }

    private async Task WriteRowGroupAsync(CancellationToken cancellationToken)
    {
        var ranges = new (long Min, long Max)?[columns.Length];
        foreach (var c in timestampColumns)
        {
            ranges[c] = columns[c].MicrosecondRange(bufferedRows);
        }

        using (var rowGroup = writer!.CreateRowGroup())
        {
            foreach (var column in columns)
            {
                await column.WriteAsync(rowGroup, bufferedRows, cancellationToken);
            }

            rowGroup.CompleteValidate();
        }

        timestampRanges.Add(ranges);
        bufferedRows = 0;
        bufferedTextBytes = 0;
    }
}
