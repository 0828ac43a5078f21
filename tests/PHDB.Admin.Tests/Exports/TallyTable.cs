using PHDB.Export.Reading;
using PHDB.Export.Writing;

namespace PHDB.Admin.Tests.Exports;

/// <summary>Counts a table's rows and hands the count on when the table completes.</summary>
internal sealed class TallyTable(Action<long> complete) : ITableWriter
{
    private long rows;

    public ValueTask WriteAsync(RowBatch batch, CancellationToken cancellationToken)
    {
        rows += batch.Count;
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        complete(rows);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
