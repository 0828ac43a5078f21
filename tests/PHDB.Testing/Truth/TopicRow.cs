namespace PHDB.Testing.Truth;

/// <summary>A topic's compared fields.</summary>
internal sealed record TopicRow(
    string? Name,
    string? Slug,
    DateTimeOffset? CreatedAt,
    int? FollowersCount,
    int? PostsCount
) : IComparedRow
{
    public IEnumerable<(string Field, object? Value)> Fields() =>
        [
            ("name", Name),
            ("slug", Slug),
            ("createdAt", CreatedAt),
            ("followersCount", FollowersCount),
            ("postsCount", PostsCount),
        ];
}
