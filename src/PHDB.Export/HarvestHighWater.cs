namespace PHDB.Export;

/// <summary>How far the harvest behind an export had got when its snapshot was taken.</summary>
/// <param name="NewestObservation">The newest time a post, comment or collection was read.</param>
/// <param name="NewestPost">The newest post's creation time.</param>
/// <param name="NewestVote">The newest vote's time.</param>
/// <param name="OldestPost">The oldest post's creation time: with <paramref name="NewestPost"/>, the range covered.</param>
/// <param name="LastRunId">The latest harvest run that succeeded.</param>
/// <param name="LastRunFinishedAt">When it finished.</param>
public sealed record HarvestHighWater(
    DateTimeOffset? NewestObservation,
    DateTimeOffset? NewestPost,
    DateTimeOffset? NewestVote,
    DateTimeOffset? OldestPost,
    long? LastRunId,
    DateTimeOffset? LastRunFinishedAt
);
