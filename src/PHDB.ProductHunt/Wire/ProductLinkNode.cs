namespace PHDB.ProductHunt.Wire;

internal sealed record ProductLinkNode(string? Type, string? Url);
