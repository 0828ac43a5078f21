using PHDB.Domain;

namespace PHDB.Testing.Truth;

/// <summary>
/// One line of <c>/_sim/truth/votes</c>: an upvote of a launched post or of one of its comments, cast by now.
/// </summary>
/// <param name="SubjectType">What the vote is for.</param>
/// <param name="SubjectId">The post's or the comment's id.</param>
/// <param name="UserId">The voter, never redacted here.</param>
public sealed record TruthVote(long Id, VoteSubject SubjectType, long SubjectId, long UserId, DateTimeOffset CreatedAt);
