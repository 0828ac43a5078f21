namespace PHDB.Grains.Harvest.Events;

/// <summary>A run ended with every partition done.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Mode">Full or incremental.</param>
/// <param name="Partitions">Partitions of the run.</param>
[GenerateSerializer, Immutable, Alias("phdb.HarvestCompleted")]
public sealed record HarvestCompleted(
    DateTimeOffset At,
    [property: Id(0)] long RunId,
    [property: Id(1)] HarvestMode Mode,
    [property: Id(2)] int Partitions
) : HarvestEvent(At);
