namespace PHDB.ProductHunt;

/// <summary>A comment's votes count as a lean comments page (<see cref="PostCommentTalliesPage"/>) shows it.</summary>
/// <param name="Id">The comment (or reply).</param>
/// <param name="PostId">Its post.</param>
/// <param name="VotesCount">Its votes.</param>
public sealed record CommentTally(long Id, long PostId, int VotesCount);
