namespace PHDB.Testing.Truth;

/// <summary>
/// One line of <c>/_sim/truth/topics</c>: a topic with its followers and its launched posts counted now.
/// </summary>
public sealed record TruthTopic(
    long Id,
    string Slug,
    string Name,
    DateTimeOffset CreatedAt,
    int FollowersCount,
    int PostsCount
);
