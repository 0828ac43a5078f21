namespace PHDB.ProductHunt.Wire;

internal sealed record MediaNode(string? Type, string? Url, string? VideoUrl);
