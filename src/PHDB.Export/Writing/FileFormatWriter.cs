using PHDB.Export.Schema;

namespace PHDB.Export.Writing;

/// <summary>
/// The <see cref="IFormatWriter"/> of a file-per-table format: every table gets its own independent writer (so tables
/// can be written at the same time), and the files they close are collected for <see cref="CompleteAsync"/>.
/// </summary>
internal sealed class FileFormatWriter : IFormatWriter
{
    private readonly Func<ExportTable, Action<ExportedFile>, ITableWriter> createTableWriter;
    private readonly List<ExportedFile> files = [];
    private readonly List<ITableWriter> tableWriters = [];
    private readonly Lock gate = new();
    private bool closed;

    /// <summary>Creates the writer; <paramref name="createTableWriter"/> makes a table's writer that reports each file it closes.</summary>
    public FileFormatWriter(Func<ExportTable, Action<ExportedFile>, ITableWriter> createTableWriter) =>
        this.createTableWriter = createTableWriter;

    /// <inheritdoc />
    public ValueTask<ITableWriter> BeginTableAsync(ExportTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        cancellationToken.ThrowIfCancellationRequested();
        var writer = createTableWriter(table, Add);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(closed, this);
            tableWriters.Add(writer);
        }

        return ValueTask.FromResult(writer);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ExportedFile>> CompleteAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            closed = true;
            IReadOnlyList<ExportedFile> result = [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        ITableWriter[] writers;
        lock (gate)
        {
            closed = true;
            writers = [.. tableWriters];
            tableWriters.Clear();
        }

        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }
    }

    private void Add(ExportedFile file)
    {
        lock (gate)
        {
            files.Add(file);
        }
    }
}
