using PHDB.Testing.Truth;

namespace PHDB.Harvest.Benchmarks;

/// <summary>What one full harvest did, read from the simulator's counters and the harvested database.</summary>
/// <param name="Wall">From the start command to the completed run.</param>
/// <param name="PostsDone">When the database first held every post of the world (sampled).</param>
/// <param name="Requests">GraphQL requests the simulator counted (served and refused).</param>
/// <param name="PointsSpent">Points the simulator charged.</param>
/// <param name="RateLimited">Requests the simulator answered 429.</param>
/// <param name="Rows">Rows harvested per table (placeholders excluded).</param>
/// <param name="Parked">Partitions parked after repeated failures.</param>
/// <param name="Complexity">The complexity of the executed requests by connection, as the simulator counted it.</param>
/// <param name="Truth">The harvested database compared with the simulator's truth, set by set; null for a harvest stopped early.</param>
internal sealed record HarvestOutcome(
    TimeSpan Wall,
    TimeSpan? PostsDone,
    long Requests,
    long PointsSpent,
    long RateLimited,
    IReadOnlyDictionary<string, long> Rows,
    int Parked,
    IReadOnlyDictionary<string, long> Complexity,
    TruthReport? Truth
)
{
    public long Posts => Rows["posts"];

    public long AllRows => Rows.Values.Sum();

    /// <summary>Posts, comments, votes, topics and collections: the entities, without the link rows.</summary>
    public long Entities => Posts + Rows["comments"] + Rows["votes"] + Rows["topics"] + Rows["collections"];
}
