namespace PHDB.Grains.Harvest.Events;

/// <summary>Partitions whose progress changed since the last such event (cursor, counts, status, last error).</summary>
/// <param name="RunId">The run.</param>
/// <param name="Partitions">The partitions' progress now.</param>
[GenerateSerializer, Immutable, Alias("phdb.PartitionsChanged")]
public sealed record PartitionsChanged(
    DateTimeOffset At,
    [property: Id(0)] long RunId,
    [property: Id(1)] IReadOnlyList<PartitionProgress> Partitions
) : HarvestEvent(At);
