namespace PHDB.Grains.Harvest;

/// <summary>The persistent state of a crawl partition.</summary>
[GenerateSerializer, Alias("phdb.CrawlPartitionState")]
public sealed class CrawlPartitionState
{
    /// <summary>The partition's own connection at its committed cursor.</summary>
    [Id(0)]
    public CrawlTask? Root { get; set; }

    /// <summary>Whether the root connection's last page is committed.</summary>
    [Id(1)]
    public bool RootExhausted { get; set; }

    /// <summary>Pages committed (own and nested).</summary>
    [Id(2)]
    public long Pages { get; set; }

    /// <summary>Rows committed (own and nested).</summary>
    [Id(3)]
    public long Nodes { get; set; }

    /// <summary>Posts of this partition with nested connections still to walk.</summary>
    [Id(4)]
    public List<long> PendingPosts { get; set; } = [];

    /// <summary>Collections of this partition whose posts are still to walk, with their committed cursors.</summary>
    [Id(5)]
    public Dictionary<long, string?> CollectionCursors { get; set; } = [];

    /// <summary>Failed pages in a row.</summary>
    [Id(6)]
    public int ConsecutiveFailures { get; set; }

    /// <summary>The last failure.</summary>
    [Id(7)]
    public string? LastError { get; set; }

    /// <summary>Whether the partition is parked.</summary>
    [Id(8)]
    public bool Parked { get; set; }

    /// <summary>When the state last changed.</summary>
    [Id(9)]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Disclosed users this partition's pages referred to whose profiles are still to read.</summary>
    [Id(10)]
    public HashSet<long> PendingUsers { get; set; } = [];

    /// <summary>The newest <c>createdAt</c> of the posts its committed pages held.</summary>
    [Id(11)]
    public DateTimeOffset? NewestPost { get; set; }

    /// <summary>
    /// Disclosed users this partition read lately (at most <see cref="CrawlPartitionGrain.ReadUsersLimit"/>): pages
    /// that refer to them again add no work.
    /// </summary>
    [Id(12)]
    public HashSet<long> ReadUsers { get; set; } = [];

    /// <summary>The newest <c>createdAt</c> among the rows of its own connection that its committed pages held.</summary>
    [Id(13)]
    public DateTimeOffset? NewestRow { get; set; }

    /// <summary>
    /// The nested work each of <see cref="PendingPosts"/> was last seen to have left (a post missing here counts as
    /// one page).
    /// </summary>
    [Id(14)]
    public Dictionary<long, PostWorkLeft> PostWork { get; set; } = [];

    /// <summary>Comments (replies included) this partition's committed comments pages held.</summary>
    [Id(15)]
    public long CommentsRead { get; set; }

    /// <summary>Walks (a comment's votes, the rest of a long reply thread) those comments opened.</summary>
    [Id(16)]
    public long CommentWalks { get; set; }

    /// <summary>The complexity of the pages committed (own and nested), as the client estimates an alias of each.</summary>
    [Id(17)]
    public long Points { get; set; }

    /// <summary>The complexity of the first page of each walk in <see cref="CommentWalks"/>.</summary>
    [Id(18)]
    public long CommentWalkPoints { get; set; }
}
