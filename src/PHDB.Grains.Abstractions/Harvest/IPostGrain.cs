namespace PHDB.Grains.Harvest;

/// <summary>
/// One post, activated when it has nested work (comments, votes, votes of its comments, long reply threads) or
/// needs a refresh. Owns the cursors of those connections and the counts it last saw.
/// </summary>
[Alias("phdb.IPostGrain")]
public interface IPostGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Takes in the post's counts as a page showed them. When they differ from the last seen ones, the comments are
    /// walked again from their start and the votes from the newest vote read before (whole when none was); with
    /// <paramref name="refreshComments"/> the comments are re-walked even when their count did not change (their
    /// votes may have); with <paramref name="readChanged"/> (a lean listing, which stores nothing) a post whose counts
    /// moved is also read again whole. Returns the nested work it has left.
    /// </summary>
    [Alias("Observe")]
    Task<PostWorkLeft> Observe(
        int commentsCount,
        int votesCount,
        DateTimeOffset observedAt,
        bool refreshComments = false,
        bool readChanged = false
    );

    /// <summary>Up to <paramref name="max"/> of the post's nested tasks, at their committed cursors.</summary>
    [Alias("TakeWork")]
    Task<IReadOnlyList<CrawlTask>> TakeWork(int max);

    /// <summary>Takes in the outcome of one of its tasks; returns the nested work left.</summary>
    [Alias("Advance")]
    Task<PostWorkLeft> Advance(TaskOutcome outcome);

    /// <summary>The post's counts as last seen, oldest first (one entry per change).</summary>
    [Alias("GetHistory")]
    Task<IReadOnlyList<PostCounts>> GetHistory();
}
