namespace PHDB.Extensibility;

/// <summary>A post as harvested.</summary>
/// <param name="Id">Product Hunt id.</param>
/// <param name="Name">Product name.</param>
/// <param name="Tagline">One-line pitch.</param>
/// <param name="Description">Longer description, if any (plain text).</param>
/// <param name="Website">The product's website.</param>
/// <param name="VotesCount">Upvotes when read.</param>
/// <param name="CommentsCount">Comments when read.</param>
/// <param name="CreatedAt">When it was posted.</param>
/// <param name="TopicIds">Ids of its topics.</param>
public sealed record HarvestedPost(
    long Id,
    string Name,
    string Tagline,
    string? Description,
    string Website,
    int VotesCount,
    int CommentsCount,
    DateTimeOffset CreatedAt,
    IReadOnlyList<long> TopicIds
);
