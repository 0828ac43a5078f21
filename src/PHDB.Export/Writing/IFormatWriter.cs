using PHDB.Export.Schema;

namespace PHDB.Export.Writing;

/// <summary>
/// The files of one format of one export. Different tables may be written at the same time from different tasks;
/// an implementation that cannot write two tables at once (one SQLite connection) serialises internally.
/// </summary>
public interface IFormatWriter : IAsyncDisposable
{
    /// <summary>Starts a table; its rows follow through the returned writer.</summary>
    ValueTask<ITableWriter> BeginTableAsync(ExportTable table, CancellationToken cancellationToken);

    /// <summary>
    /// After every table's writer completed: finishes the format (SQLite adds its indexes and closes the file) and
    /// returns every file written. Disposing without completing abandons the files (the export folder is deleted).
    /// </summary>
    ValueTask<IReadOnlyList<ExportedFile>> CompleteAsync(CancellationToken cancellationToken);
}
