namespace PHDB.Testing.Truth;

/// <summary>One line of <c>/_sim/truth/collections</c>: a published collection created by now.</summary>
/// <param name="FeaturedAt">When the collection was featured, if it has been by now.</param>
/// <param name="UserId">The curator, never redacted here.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Naming",
    "CA1711:Identifiers should not have incorrect suffix",
    Justification = "Product Hunt's own name for a curated list of posts."
)]
public sealed record TruthCollection(
    long Id,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FeaturedAt,
    int FollowersCount,
    long UserId
);
