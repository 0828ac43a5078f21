namespace PHDB.Grains.Harvest;

/// <summary>One topic: how fresh PHDB's copy of its metadata is.</summary>
[Alias("phdb.ITopicGrain")]
public interface ITopicGrain : IGrainWithIntegerKey
{
    /// <summary>Takes in a full read of the topic (not a stub seen inside a post).</summary>
    [Alias("Observe")]
    Task Observe(int followersCount, int postsCount, DateTimeOffset observedAt);

    /// <summary>The topic's freshness.</summary>
    [Alias("GetFreshness")]
    Task<TopicFreshness> GetFreshness();

    /// <summary>Whether the topic was not read in full within <paramref name="maxAge"/> of <paramref name="now"/>.</summary>
    [Alias("NeedsRefresh")]
    Task<bool> NeedsRefresh(TimeSpan maxAge, DateTimeOffset now);
}
