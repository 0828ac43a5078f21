using PHDB.Domain;

namespace PHDB.Harvest.Processing;

/// <summary>
/// Runs the registered <see cref="IBatchProcessor"/>s and those of the <see cref="IBatchProcessorSource"/>s (plugins)
/// over a batch in priority order.
/// </summary>
public sealed class BatchPipeline(IEnumerable<IBatchProcessor> processors, IEnumerable<IBatchProcessorSource> sources)
{
    private readonly IReadOnlyList<IBatchProcessor> stages =
    [
        .. processors.Concat(sources.SelectMany(s => s.Processors)).OrderBy(p => p.Priority),
    ];

    /// <summary>The stages in the order they run.</summary>
    public IReadOnlyList<IBatchProcessor> Stages => stages;

    /// <summary>Processes <paramref name="batch"/>; returns the result and every finding.</summary>
    public (HarvestBatch Batch, IReadOnlyList<QualityFinding> Findings) Process(HarvestBatch batch)
    {
        var context = new BatchProcessingContext();
        foreach (var stage in stages)
        {
            batch = stage.Process(batch, context);
        }

        return (batch, context.Findings);
    }
}
