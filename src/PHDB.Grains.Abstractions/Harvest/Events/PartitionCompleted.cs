namespace PHDB.Grains.Harvest.Events;

/// <summary>A crawl partition finished (done or parked).</summary>
/// <param name="RunId">The run.</param>
/// <param name="Partition">The partition's key.</param>
/// <param name="Status">Done or parked.</param>
[GenerateSerializer, Immutable, Alias("phdb.PartitionCompleted")]
public sealed record PartitionCompleted(
    DateTimeOffset At,
    [property: Id(0)] long RunId,
    [property: Id(1)] string Partition,
    [property: Id(2)] PartitionStatus Status
) : HarvestEvent(At);
