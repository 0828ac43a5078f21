namespace PHDB.Grains.Harvest;

/// <summary>
/// One post, activated when it has nested work (comments, votes, votes of its comments, long reply threads) or
/// needs a refresh. Owns the cursors of those connections and the counts it last saw.
/// </summary>
[Alias("phdb.IPostGrain")]
public interface IPostGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Takes in the post's counts as a page showed them. When they differ from the last seen ones, the comments
    /// and votes are (re)walked from their start; with <paramref name="refreshComments"/> the comments are re-walked
    /// even when their count did not change (their votes may have). Returns whether the post has nested work.
    /// </summary>
    [Alias("Observe")]
    Task<bool> Observe(int commentsCount, int votesCount, DateTimeOffset observedAt, bool refreshComments = false);

    /// <summary>Up to <paramref name="max"/> of the post's nested tasks, at their committed cursors.</summary>
    [Alias("TakeWork")]
    Task<IReadOnlyList<CrawlTask>> TakeWork(int max);

    /// <summary>Takes in the outcome of one of its tasks; returns whether nested work remains.</summary>
    [Alias("Advance")]
    Task<bool> Advance(TaskOutcome outcome);

    /// <summary>The post's counts as last seen, oldest first (one entry per change).</summary>
    [Alias("GetHistory")]
    Task<IReadOnlyList<PostCounts>> GetHistory();
}
