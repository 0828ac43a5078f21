namespace PHDB.ProductHunt.Wire;

internal sealed record PostTallyNode(string? Id, int? CommentsCount, int? VotesCount);
