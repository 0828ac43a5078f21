namespace PHDB.Grains.Harvest;

/// <summary>
/// The coordinator of one harvest configuration (key <see cref="Key"/>): plans runs into crawl partitions, leases
/// partitions to workers, tracks completion and keeps the incremental schedule. Its state survives deactivation
/// and silo loss; leases that a dead worker held expire and their partitions are handed out again. Hosts talk to it
/// through its roles: <see cref="IHarvestControl"/> (operators) and <see cref="IPartitionLeasing"/> (workers).
/// </summary>
[Alias("phdb.IHarvestCoordinatorGrain")]
public interface IHarvestCoordinatorGrain : IHarvestControl, IPartitionLeasing
{
    /// <summary>The key of the coordinator every host talks to.</summary>
    const string Key = "default";
}
