using PHDB.Export.Reading;
using PHDB.Export.Schema;

namespace PHDB.Export.Writing;

/// <summary>
/// The file handling shared by the file-per-table formats (CSV and Parquet): one file per table, or under month
/// partitioning one Hive-style folder per month of the partition column (<c>month=2024-03/part-0.ext</c>), the
/// previous month's file closed as soon as the month changes. Subclasses write the rows of the open file.
/// </summary>
internal abstract class PartitionedTableWriter : ITableWriter
{
    /// <summary>The folder name of rows whose partition column is NULL (Hive's convention).</summary>
    public const string NullPartition = "__HIVE_DEFAULT_PARTITION__";

    private const int NoPartition = int.MinValue;
    private const int NullKey = -1;

    private readonly string exportRoot;
    private readonly string formatName;
    private readonly string extension;
    private readonly int partitionColumn;
    private readonly Action<ExportedFile> written;
    private readonly HashSet<int> closedKeys = [];
    private string? openPath;
    private int openKey = NoPartition;
    private long openRows;
    private bool completed;

    /// <summary>Prepares the files of <paramref name="table"/> under <c>exportRoot/formatName/</c>.</summary>
    protected PartitionedTableWriter(
        ExportTable table,
        string exportRoot,
        string formatName,
        string extension,
        bool partitionByMonth,
        Action<ExportedFile> written
    )
    {
        Table = table;
        this.exportRoot = exportRoot;
        this.formatName = formatName;
        this.extension = extension;
        this.written = written;
        partitionColumn = partitionByMonth && table.PartitionColumn is { } name ? table.IndexOf(name) : NoPartition;
        if (partitionColumn != NoPartition && table.Columns[partitionColumn].Kind != ColumnKind.Timestamp)
        {
            throw new ArgumentException(
                $"The partition column {table.PartitionColumn} of {table.Name} is not a timestamp.",
                nameof(table)
            );
        }
    }

    /// <summary>The table written.</summary>
    protected ExportTable Table { get; }

    /// <inheritdoc />
    public async ValueTask WriteAsync(RowBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(completed, this);
        if (batch.Count == 0)
        {
            return;
        }

        if (partitionColumn == NoPartition)
        {
            if (openPath is null)
            {
                await OpenAsync(0, cancellationToken);
            }

            await WriteRowsAsync(batch, 0, batch.Count, cancellationToken);
            openRows += batch.Count;
            return;
        }

        var times = batch.Timestamps(partitionColumn);
        var start = 0;
        while (start < batch.Count)
        {
            var key = MonthKey(times[start]);
            var end = start + 1;
            while (end < batch.Count && MonthKey(times[end]) == key)
            {
                end++;
            }

            if (key != openKey)
            {
                await CloseOpenAsync(cancellationToken);
                if (!closedKeys.Add(key))
                {
                    throw new InvalidOperationException(
                        $"The rows of {Table.Name} are not ordered by {Table.PartitionColumn}: month {Folder(key)} came back."
                    );
                }

                await OpenAsync(key, cancellationToken);
            }

            await WriteRowsAsync(batch, start, end - start, cancellationToken);
            openRows += end - start;
            start = end;
        }
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        if (partitionColumn == NoPartition && openPath is null)
        {
            // An empty table still gets its file (a header, or a schema without rows).
            await OpenAsync(0, cancellationToken);
        }

        await CloseOpenAsync(cancellationToken);
        completed = true;
        Release();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (openPath is not null)
        {
            openPath = null;
            await AbandonFileAsync();
        }

        completed = true;
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates the file at <paramref name="fullPath"/> (its folder exists) and writes what precedes the rows.</summary>
    protected abstract ValueTask OpenFileAsync(string fullPath, CancellationToken cancellationToken);

    /// <summary>Writes rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of the batch to the open file.</summary>
    protected abstract ValueTask WriteRowsAsync(
        RowBatch batch,
        int start,
        int count,
        CancellationToken cancellationToken
    );

    /// <summary>Finishes and closes the open file.</summary>
    protected abstract ValueTask CloseFileAsync(CancellationToken cancellationToken);

    /// <summary>Closes the open file without finishing it (the export is abandoned).</summary>
    protected abstract ValueTask AbandonFileAsync();

    /// <summary>Returns what the writer holds for all its files (buffers); called once it is completed or disposed.</summary>
    protected virtual void Release() { }

    private static int MonthKey(DateTime? value) => value is { } v ? (v.Year * 12) + v.Month - 1 : NullKey;

    private static string Folder(int key) =>
        key == NullKey
            ? $"month={NullPartition}"
            : string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"month={key / 12:D4}-{(key % 12) + 1:D2}"
            );

    private async ValueTask OpenAsync(int key, CancellationToken cancellationToken)
    {
        var relative =
            partitionColumn == NoPartition
                ? $"{formatName}/{Table.Name}{extension}"
                : $"{formatName}/{Table.Name}/{Folder(key)}/part-0{extension}";
        var full = Path.Combine(exportRoot, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        openPath = relative;
        openKey = key;
        openRows = 0;
        await OpenFileAsync(full, cancellationToken);
    }

    private async ValueTask CloseOpenAsync(CancellationToken cancellationToken)
    {
        if (openPath is null)
        {
            return;
        }

        var path = openPath;
        await CloseFileAsync(cancellationToken);
        openPath = null;
        openKey = NoPartition;
        written(new ExportedFile(path, formatName, new Dictionary<string, long> { [Table.Name] = openRows }));
    }
}
