namespace PHDB.ProductHunt.Wire;

internal sealed record PostNode(
    string? Id,
    string? Name,
    string? Slug,
    string? Tagline,
    string? Description,
    string? Url,
    string? Website,
    int? CommentsCount,
    int? VotesCount,
    int? ReviewsCount,
    double? ReviewsRating,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? FeaturedAt,
    string? UserId,
    List<UserNode?>? Makers,
    List<MediaNode?>? Media,
    MediaNode? Thumbnail,
    List<ProductLinkNode?>? ProductLinks,
    TopicConnectionNode? Topics
);
