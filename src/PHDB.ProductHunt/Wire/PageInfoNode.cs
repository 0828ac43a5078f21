namespace PHDB.ProductHunt.Wire;

internal sealed record PageInfoNode(string? EndCursor, bool? HasNextPage);
