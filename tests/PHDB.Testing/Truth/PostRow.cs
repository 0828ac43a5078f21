namespace PHDB.Testing.Truth;

/// <summary>A post's compared fields. <see cref="Hunter"/> is a <see cref="Party"/> text.</summary>
internal sealed record PostRow(
    string? Name,
    string? Slug,
    string? Tagline,
    int? VotesCount,
    int? CommentsCount,
    int? ReviewsCount,
    double? ReviewsRating,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? FeaturedAt,
    string Hunter
) : IComparedRow
{
    public IEnumerable<(string Field, object? Value)> Fields() =>
        [
            ("name", Name),
            ("slug", Slug),
            ("tagline", Tagline),
            ("votesCount", VotesCount),
            ("commentsCount", CommentsCount),
            ("reviewsCount", ReviewsCount),
            ("reviewsRating", ReviewsRating),
            ("createdAt", CreatedAt),
            ("featuredAt", FeaturedAt),
            ("hunter", Hunter),
        ];
}
