using PHDB.Export.Reading;

namespace PHDB.Export.Writing;

/// <summary>Writes the rows of one table in one format.</summary>
public interface ITableWriter : IAsyncDisposable
{
    /// <summary>Writes a batch; the batch is reused once this returns.</summary>
    ValueTask WriteAsync(RowBatch batch, CancellationToken cancellationToken);

    /// <summary>The table's last row was written: flush and close its files.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
