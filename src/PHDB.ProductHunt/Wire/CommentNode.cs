namespace PHDB.ProductHunt.Wire;

internal sealed record CommentNode(
    string? Id,
    string? Body,
    string? Url,
    DateTimeOffset? CreatedAt,
    int? VotesCount,
    string? UserId,
    string? ParentId,
    RawConnection? Replies
);
