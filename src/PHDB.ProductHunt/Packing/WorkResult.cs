using PHDB.Domain;

namespace PHDB.ProductHunt;

/// <summary>What one work item brought back.</summary>
public sealed record WorkResult
{
    /// <summary>The item as sent (possibly with a smaller page than asked, when the complexity cap required it).</summary>
    public required WorkItem Item { get; init; }

    /// <summary>The entities read.</summary>
    public HarvestBatch Batch { get; init; } = new();

    /// <summary>Whether a lookup (or the parent of a nested page) exists; true for root pages.</summary>
    public bool Found { get; init; } = true;

    /// <summary>The page's end cursor.</summary>
    public string? EndCursor { get; init; }

    /// <summary>Whether the connection goes on after this page.</summary>
    public bool HasNextPage { get; init; }

    /// <summary>The connection's <c>totalCount</c> as the server reported it.</summary>
    public int? TotalCount { get; init; }

    /// <summary>Nodes on the page, including rejected ones.</summary>
    public int NodeCount { get; init; }

    /// <summary>The next page of the same connection, or null when this page ended it (or the item failed).</summary>
    public WorkItem? Next { get; init; }

    /// <summary>Work discovered on the way: replies beyond those read with their comment.</summary>
    public IReadOnlyList<WorkItem> FollowUps { get; init; } = [];

    /// <summary>The posts' counts a lean listing (<see cref="PostTalliesPage"/>) held; its rows are nowhere else.</summary>
    public IReadOnlyList<PostTally> PostTallies { get; init; } = [];

    /// <summary>
    /// The comments' votes counts a lean comments page (<see cref="PostCommentTalliesPage"/>) held, replies included;
    /// its rows are nowhere else.
    /// </summary>
    public IReadOnlyList<CommentTally> CommentTallies { get; init; } = [];

    /// <summary>Posts whose topics did not all fit in the selection (their <see cref="Post.TopicIds"/> are partial).</summary>
    public IReadOnlyList<long> PostsWithMoreTopics { get; init; } = [];

    /// <summary>Nodes skipped because they broke the schema; the rest of the page is kept.</summary>
    public IReadOnlyList<NodeRejected> Rejected { get; init; } = [];

    /// <summary>The budget reported by the answer that carried this result, when one did.</summary>
    public RateLimitSnapshot? Budget { get; init; }

    /// <summary>Why the item failed, when it did; its other members are then empty.</summary>
    public PhdbException? Error { get; init; }

    /// <summary>Whether the item succeeded.</summary>
    public bool Succeeded => Error is null;
}
