namespace PHDB.Grains.Harvest.Events;

/// <summary>A run ended with partitions parked after repeated failures, or was cancelled.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Mode">Full or incremental.</param>
/// <param name="Reason">Why, in a sentence.</param>
[GenerateSerializer, Immutable, Alias("phdb.HarvestFailed")]
public sealed record HarvestFailed(
    DateTimeOffset At,
    [property: Id(0)] long RunId,
    [property: Id(1)] HarvestMode Mode,
    [property: Id(2)] string Reason
) : HarvestEvent(At);
