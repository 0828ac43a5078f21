namespace PHDB.Testing.Truth;

/// <summary>A collection's compared fields. <see cref="Curator"/> is a <see cref="Party"/> text.</summary>
internal sealed record CollectionRow(
    string? Name,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? FeaturedAt,
    int? FollowersCount,
    string Curator
) : IComparedRow
{
    public IEnumerable<(string Field, object? Value)> Fields() =>
        [
            ("name", Name),
            ("createdAt", CreatedAt),
            ("featuredAt", FeaturedAt),
            ("followersCount", FollowersCount),
            ("curator", Curator),
        ];
}
