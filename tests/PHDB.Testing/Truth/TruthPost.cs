namespace PHDB.Testing.Truth;

/// <summary>
/// One line of the simulator's <c>/_sim/truth/posts</c>: a launched post as the API shows it now, unredacted.
/// </summary>
/// <param name="Name">The raw name (may hold markup; the harvest stores it sanitised).</param>
/// <param name="Tagline">The raw tagline, current edit (may hold markup).</param>
/// <param name="Description">The raw description; not compared (the harvest stores plain text).</param>
/// <param name="CreatedAt">The scheduled launch time (the API's <c>createdAt</c>).</param>
/// <param name="FeaturedAt">When the post was featured, if it has been by now.</param>
/// <param name="UserId">The hunter (the API's <c>user</c>), never redacted here.</param>
/// <param name="Edited">Whether the tagline and description are the edited ones.</param>
public sealed record TruthPost(
    long Id,
    string Slug,
    string Name,
    string Tagline,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FeaturedAt,
    int VotesCount,
    int CommentsCount,
    int ReviewsCount,
    double ReviewsRating,
    long UserId,
    bool Edited
);
