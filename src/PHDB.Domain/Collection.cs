namespace PHDB.Domain;

/// <summary>A collection of posts curated by a user.</summary>
/// <param name="TopicIds">The collection's topics when they were read completely, else <see langword="null"/>.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming",
    "CA1711:Identifiers should not have incorrect suffix",
    Justification = "Product Hunt's own name for a curated list of posts."
)]
public sealed record Collection(
    long Id,
    string Name,
    string Tagline,
    string? Description,
    string Url,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FeaturedAt,
    int FollowersCount,
    string? CoverImage,
    UserRef Curator,
    IReadOnlyList<long>? TopicIds,
    DateTimeOffset ObservedAt
);
