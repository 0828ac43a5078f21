namespace PHDB.Grains.Harvest;

/// <summary>The persistent state of a post grain.</summary>
[GenerateSerializer, Alias("phdb.PostState")]
public sealed class PostState
{
    /// <summary>Counts at each observation that changed them, oldest first (bounded).</summary>
    [Id(0)]
    public List<PostCounts> History { get; set; } = [];

    /// <summary>Nested connections still to walk, by <see cref="PostGrain.TaskKey"/>, at their committed cursors.</summary>
    [Id(1)]
    public Dictionary<string, CrawlTask> Open { get; set; } = [];

    /// <summary>The votes count each of its comments showed when its votes were last opened for walking.</summary>
    [Id(2)]
    public Dictionary<long, int> CommentVotes { get; set; } = [];

    /// <summary>How far each connection in <see cref="Open"/> was read, by the same key (none before its first page).</summary>
    [Id(3)]
    public Dictionary<string, PostWalk> Walks { get; set; } = [];

    /// <summary>Comments and replies read since the post's comments were last opened for walking.</summary>
    [Id(4)]
    public int CommentsRead { get; set; }

    /// <summary>
    /// The newest vote a complete walk of the post's votes read: a later walk reads only the votes cast from then on.
    /// </summary>
    [Id(5)]
    public DateTimeOffset? VotesReadUntil { get; set; }

    /// <summary>The post's votes its complete walks read, counted once (what a walk from <see cref="VotesReadUntil"/> adds to).</summary>
    [Id(6)]
    public int VotesRead { get; set; }

    /// <summary>The newest vote the votes walk in progress read so far.</summary>
    [Id(7)]
    public DateTimeOffset? VotesWalkNewest { get; set; }

    /// <summary>
    /// The spans under way (<see cref="SpanPlanner"/>), by the key of the connection in <see cref="Open"/>: which of
    /// their pages were read before the connection's committed position moves past them all.
    /// </summary>
    [Id(8)]
    public Dictionary<string, SpanProgress> Spans { get; set; } = [];
}
