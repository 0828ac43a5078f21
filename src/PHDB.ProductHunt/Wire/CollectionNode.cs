namespace PHDB.ProductHunt.Wire;

internal sealed record CollectionNode(
    string? Id,
    string? Name,
    string? Tagline,
    string? Description,
    string? Url,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? FeaturedAt,
    int? FollowersCount,
    string? CoverImage,
    string? UserId,
    TopicConnectionNode? Topics
);
