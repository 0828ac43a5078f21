namespace PHDB.Domain;

/// <summary>An upvote of a post or a comment.</summary>
/// <param name="SubjectId">The id of the post or comment voted for.</param>
public sealed record Vote(long Id, VoteSubject Subject, long SubjectId, DateTimeOffset CreatedAt, UserRef Voter);
