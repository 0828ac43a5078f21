namespace PHDB.Grains.Harvest;

/// <summary>What PHDB last read of a topic's metadata, and when.</summary>
/// <param name="FollowersCount">Followers at the last read.</param>
/// <param name="PostsCount">Posts at the last read.</param>
/// <param name="RefreshedAt">When the topic was last read in full; <see langword="null"/> if never.</param>
/// <param name="Changes">How many reads changed the counts.</param>
[GenerateSerializer, Immutable, Alias("phdb.TopicFreshness")]
public sealed record TopicFreshness(
    [property: Id(0)] int? FollowersCount,
    [property: Id(1)] int? PostsCount,
    [property: Id(2)] DateTimeOffset? RefreshedAt,
    [property: Id(3)] int Changes
);
