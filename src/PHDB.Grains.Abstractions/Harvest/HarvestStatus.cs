namespace PHDB.Grains.Harvest;

/// <summary>The coordinator's view of the current (or last) run.</summary>
/// <param name="Mode">Full or incremental.</param>
/// <param name="Phase">Running, paused, completed…</param>
/// <param name="RunId">The run's id in the harvest bookkeeping, 0 before the first run.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="FinishedAt">When it completed or was cancelled.</param>
/// <param name="Partitions">Partitions planned.</param>
/// <param name="Done">Partitions done.</param>
/// <param name="Parked">Partitions parked after repeated failures.</param>
/// <param name="Leased">Partitions a worker is fetching now.</param>
/// <param name="LastCompletedStart">Start of the last completed run: new posts are looked for from here (minus the look-back).</param>
/// <param name="NextIncrementalAt">When the schedule starts the next incremental run, if scheduled.</param>
/// <param name="HighWaterMark">
/// The newest post <c>createdAt</c> that completed runs stored: the API's own "now" as far as the harvest knows it,
/// from which incremental runs plan (the API's clock need not be the silo's).
/// </param>
/// <param name="Schedule">The incremental schedule in force.</param>
[GenerateSerializer, Immutable, Alias("phdb.HarvestStatus")]
public sealed record HarvestStatus(
    [property: Id(0)] HarvestMode Mode,
    [property: Id(1)] HarvestPhase Phase,
    [property: Id(2)] long RunId,
    [property: Id(3)] DateTimeOffset? StartedAt,
    [property: Id(4)] DateTimeOffset? FinishedAt,
    [property: Id(5)] int Partitions,
    [property: Id(6)] int Done,
    [property: Id(7)] int Parked,
    [property: Id(8)] int Leased,
    [property: Id(9)] DateTimeOffset? LastCompletedStart,
    [property: Id(10)] DateTimeOffset? NextIncrementalAt,
    [property: Id(11)] DateTimeOffset? HighWaterMark = null,
    [property: Id(12)] HarvestSchedule? Schedule = null
);
