namespace PHDB.Domain;

/// <summary>A post (a product launch) as the API returned it at <see cref="ObservedAt"/>.</summary>
/// <param name="CreatedAt">The API's <c>createdAt</c>: the scheduled launch time.</param>
/// <param name="Hunter">Who submitted the post (the API's <c>user</c>).</param>
/// <param name="Makers">The makers, in the API's order; redacted ones included so their number is kept.</param>
/// <param name="TopicIds">The complete set of the post's topics (stubs travel in the batch's topics).</param>
/// <param name="ObservedAt">When the harvester read this post; a newer observation wins over an older one.</param>
public sealed record Post(
    long Id,
    string Name,
    string Slug,
    string Tagline,
    string? Description,
    string Url,
    string Website,
    int VotesCount,
    int CommentsCount,
    int ReviewsCount,
    double ReviewsRating,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FeaturedAt,
    UserRef Hunter,
    IReadOnlyList<UserRef> Makers,
    IReadOnlyList<Media> Media,
    Media? Thumbnail,
    IReadOnlyList<ProductLink> ProductLinks,
    IReadOnlyList<long> TopicIds,
    DateTimeOffset ObservedAt
);
