namespace PHDB.Grains.Harvest;

/// <summary>What an incremental run's checks saw.</summary>
/// <param name="NewestPost">The newest post <c>createdAt</c> the posts check read.</param>
/// <param name="NewestTopic">The newest topic <c>createdAt</c> on the newest page of topics.</param>
/// <param name="NewestCollection">The newest collection <c>createdAt</c> on the newest page of collections.</param>
public sealed record IncrementalCheckResult(
    DateTimeOffset? NewestPost,
    DateTimeOffset? NewestTopic,
    DateTimeOffset? NewestCollection
);
