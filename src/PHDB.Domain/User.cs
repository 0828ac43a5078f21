namespace PHDB.Domain;

/// <summary>A Product Hunt user the API disclosed (never a redacted one).</summary>
public sealed record User(
    long Id,
    string Name,
    string Username,
    string? Headline,
    string? TwitterUsername,
    string? WebsiteUrl,
    string Url,
    DateTimeOffset CreatedAt,
    string? ProfileImage,
    string? CoverImage,
    bool IsMaker
);
