namespace PHDB.ProductHunt.Wire;

internal sealed record TopicNode(
    string? Id,
    string? Name,
    string? Slug,
    string? Description,
    string? Url,
    DateTimeOffset? CreatedAt,
    int? FollowersCount,
    int? PostsCount,
    string? Image
);
