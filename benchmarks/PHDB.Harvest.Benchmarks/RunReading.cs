using PHDB.Grains.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Benchmarks;

/// <summary>What one run of the engine did, read from the simulator's counters and the coordinator.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Wall">From the start command to the completed run.</param>
/// <param name="Requests">GraphQL requests the simulator counted (served and refused).</param>
/// <param name="RateLimited">Requests the simulator answered 429.</param>
/// <param name="Complexity">The complexity of the executed requests by connection, as the simulator counted it.</param>
/// <param name="Partitions">The run's partitions as the coordinator reported them once it completed.</param>
/// <param name="Parked">Partitions parked after repeated failures.</param>
/// <param name="Truth">The harvested database compared with the simulator's truth, set by set.</param>
internal sealed record RunReading(
    long RunId,
    TimeSpan Wall,
    long Requests,
    long RateLimited,
    IReadOnlyDictionary<string, long> Complexity,
    IReadOnlyList<PartitionProgress> Partitions,
    int Parked,
    TruthReport Truth
)
{
    /// <summary>The complexity of all the run's executed requests.</summary>
    public long ComplexityRead => Complexity.Values.Sum();
}
