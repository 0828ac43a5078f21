namespace PHDB.ProductHunt.Wire;

internal sealed record VoteNode(string? Id, DateTimeOffset? CreatedAt, string? UserId);
