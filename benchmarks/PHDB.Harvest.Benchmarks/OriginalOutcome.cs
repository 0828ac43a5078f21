namespace PHDB.Harvest.Benchmarks;

/// <summary>What the original tool's request pattern read in its windows.</summary>
/// <param name="Wall">How long it ran.</param>
/// <param name="Posts">Posts read (with their makers, topics, media and links, as the client selects them).</param>
/// <param name="Requests">GraphQL requests the simulator counted (served and refused).</param>
/// <param name="PointsSpent">Points the simulator charged.</param>
/// <param name="RateLimited">Requests the simulator answered 429.</param>
internal sealed record OriginalOutcome(TimeSpan Wall, int Posts, long Requests, long PointsSpent, long RateLimited);
