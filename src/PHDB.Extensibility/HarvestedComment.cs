namespace PHDB.Extensibility;

/// <summary>A comment or reply as harvested.</summary>
/// <param name="Id">Product Hunt id.</param>
/// <param name="PostId">The post it is on.</param>
/// <param name="ParentId">The comment it replies to, if it is a reply.</param>
/// <param name="Body">Its text (plain text).</param>
/// <param name="VotesCount">Upvotes when read.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record HarvestedComment(
    long Id,
    long PostId,
    long? ParentId,
    string Body,
    int VotesCount,
    DateTimeOffset CreatedAt
);
