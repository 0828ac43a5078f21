namespace PHDB.Grains.Harvest.Events;

/// <summary>The coordinator's status changed (phase, partitions done, leases); published at most about once a second.</summary>
/// <param name="Status">The status now.</param>
[GenerateSerializer, Immutable, Alias("phdb.HarvestStatusChanged")]
public sealed record HarvestStatusChanged(DateTimeOffset At, [property: Id(0)] HarvestStatus Status) : HarvestEvent(At);
