namespace PHDB.Testing.Truth;

/// <summary>One line of <c>/_sim/truth/comments</c>: a comment or reply made by now on a launched post.</summary>
/// <param name="ParentId">The comment replied to, or <see langword="null"/> for a top-level comment.</param>
/// <param name="UserId">The author, never redacted here.</param>
public sealed record TruthComment(
    long Id,
    long PostId,
    long? ParentId,
    long UserId,
    DateTimeOffset CreatedAt,
    int VotesCount
);
