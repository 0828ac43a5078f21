namespace PHDB.Testing.Truth;

/// <summary>
/// The nine compared sets of one side, keyed as <see cref="SetComparison"/> describes (a redacted-makers row of
/// <see cref="PostMakers"/> has user id 0). A <see langword="null"/> row is a placeholder (database side only).
/// </summary>
internal sealed class ComparedSets
{
    public Dictionary<long, PostRow?> Posts { get; } = [];

    public Dictionary<long, UserRow?> Users { get; } = [];

    public Dictionary<long, TopicRow?> Topics { get; } = [];

    public Dictionary<long, CollectionRow?> Collections { get; } = [];

    public Dictionary<long, CommentRow?> Comments { get; } = [];

    public Dictionary<long, VoteRow?> Votes { get; } = [];

    public Dictionary<(long PostId, long TopicId), LinkRow?> PostTopics { get; } = [];

    public Dictionary<(long PostId, long UserId), LinkRow?> PostMakers { get; } = [];

    public Dictionary<(long CollectionId, long PostId), LinkRow?> CollectionPosts { get; } = [];
}
