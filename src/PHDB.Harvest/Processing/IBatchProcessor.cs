using PHDB.Domain;

namespace PHDB.Harvest.Processing;

/// <summary>
/// One stage of the pipeline every harvested batch passes before it is written. Stages run by ascending
/// <see cref="Priority"/>; each returns the batch the next one sees.
/// </summary>
public interface IBatchProcessor
{
    /// <summary>Order of the stage: lower runs first.</summary>
    int Priority { get; }

    /// <summary>Returns the processed batch; records findings in <paramref name="context"/>.</summary>
    HarvestBatch Process(HarvestBatch batch, BatchProcessingContext context);
}
