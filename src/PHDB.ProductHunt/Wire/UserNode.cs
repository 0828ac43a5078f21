namespace PHDB.ProductHunt.Wire;

internal sealed record UserNode(
    string? Id,
    string? Name,
    string? Username,
    string? Headline,
    string? TwitterUsername,
    string? WebsiteUrl,
    string? Url,
    DateTimeOffset? CreatedAt,
    string? ProfileImage,
    string? CoverImage,
    bool? IsMaker
);
