namespace PHDB.Testing.Truth;

/// <summary>A comment's compared fields. <see cref="Author"/> is a <see cref="Party"/> text.</summary>
internal sealed record CommentRow(
    long? PostId,
    long? ParentId,
    DateTimeOffset? CreatedAt,
    int? VotesCount,
    string Author
) : IComparedRow
{
    public IEnumerable<(string Field, object? Value)> Fields() =>
        [
            ("postId", PostId),
            ("parentId", ParentId),
            ("createdAt", CreatedAt),
            ("votesCount", VotesCount),
            ("author", Author),
        ];
}
