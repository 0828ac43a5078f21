namespace PHDB.ProductHunt;

/// <summary>A post's counts as a lean listing (<see cref="PostTalliesPage"/>) shows them.</summary>
/// <param name="Id">The post.</param>
/// <param name="CommentsCount">Its comments, replies included.</param>
/// <param name="VotesCount">Its votes.</param>
public sealed record PostTally(long Id, int CommentsCount, int VotesCount);
