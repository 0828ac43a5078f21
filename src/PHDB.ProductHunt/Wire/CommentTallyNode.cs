namespace PHDB.ProductHunt.Wire;

internal sealed record CommentTallyNode(string? Id, int? VotesCount, RawConnection? Replies);
