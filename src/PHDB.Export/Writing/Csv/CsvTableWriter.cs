using System.IO.Compression;
using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Writing.Csv;

/// <summary>Writes one table as CSV: a file, or one per month under partitioning, optionally gzip-compressed.</summary>
internal sealed class CsvTableWriter : PartitionedTableWriter
{
    private readonly bool gzip;
    private readonly ColumnKind[] kinds;
    private readonly CsvEncoder encoder = new();
    private FileStream? file;
    private Stream? output;

    /// <summary>Prepares the table's files under <c>exportRoot/csv/</c>.</summary>
    public CsvTableWriter(ExportTable table, string exportRoot, FormatOptions options, Action<ExportedFile> written)
        : base(
            table,
            exportRoot,
            CsvFormat.FormatName,
            options.Gzip ? ".csv.gz" : ".csv",
            options.PartitionByMonth,
            written
        )
    {
        gzip = options.Gzip;
        kinds = [.. table.Columns.Select(c => c.Kind)];
    }

    /// <inheritdoc />
    protected override ValueTask OpenFileAsync(string fullPath, CancellationToken cancellationToken)
    {
        file = new FileStream(
            fullPath,
            new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                BufferSize = 0,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            }
        );
        output = gzip ? new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true) : file;
        encoder.Reset();
        encoder.WriteHeader(Table);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override async ValueTask WriteRowsAsync(
        RowBatch batch,
        int start,
        int count,
        CancellationToken cancellationToken
    )
    {
        var end = start + count;
        var row = start;
        while (row < end)
        {
            row = encoder.WriteRows(batch, kinds, row, end);
            if (encoder.IsFull)
            {
                await FlushAsync(cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    protected override async ValueTask CloseFileAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        if (gzip)
        {
            await output!.DisposeAsync();
        }

        await file!.FlushAsync(cancellationToken);
        await file.DisposeAsync();
        file = null;
        output = null;
    }

    /// <inheritdoc />
    protected override async ValueTask AbandonFileAsync()
    {
        encoder.Reset();
        if (output is not null && gzip)
        {
            await output.DisposeAsync();
        }

        if (file is not null)
        {
            await file.DisposeAsync();
        }

        file = null;
        output = null;
    }

    /// <inheritdoc />
    protected override void Release() => encoder.Dispose();

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await output!.WriteAsync(encoder.Pending, cancellationToken);
        encoder.Reset();
    }
}
