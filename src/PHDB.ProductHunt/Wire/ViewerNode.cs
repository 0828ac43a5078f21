namespace PHDB.ProductHunt.Wire;

internal sealed record ViewerNode(UserNode? User);
