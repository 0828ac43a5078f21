namespace PHDB.ProductHunt.Wire;

internal sealed record IdNode(string? Id);
