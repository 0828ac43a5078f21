namespace PHDB.Grains.Harvest;

/// <summary>
/// One connection to walk page by page, and where the walk stands: <see cref="After"/> is the cursor of the last
/// page whose rows are committed (<see langword="null"/> before the first page).
/// </summary>
/// <param name="Kind">The connection.</param>
/// <param name="SubjectId">The post, comment or collection the connection belongs to (0 for root connections).</param>
/// <param name="ParentId">For replies: the post of the comment.</param>
/// <param name="From">For posts windows: the first instant (inclusive).</param>
/// <param name="To">For posts windows: the last instant (inclusive).</param>
/// <param name="After">The committed cursor.</param>
/// <param name="RefreshCommentsFrom">
/// For posts windows of incremental runs: posts launched from this instant on have their comments read again even
/// when their comment count did not change (comments keep gaining votes, which no post count shows). A lean window
/// does not read launch instants: every post it lists has its comments read again.
/// </param>
/// <param name="NewestPageOnly">
/// A check rather than a walk: only the connection's first page (newest first) is read, and it reveals no nested
/// work. Incremental runs check the topics and the collections this way before deciding to read them whole.
/// </param>
/// <param name="First">
/// Items to ask for in the next page: the rows the connection's count says are still unread, when fewer than a full
/// page (the API charges a page by what it asks for, not by what it returns); null for a full page.
/// </param>
/// <param name="Lean">
/// Read ids and counts only. For posts windows of a sweep: a post whose counts moved since it was last seen is read
/// again whole (<see cref="CrawlTaskKind.Post"/>), with its new votes and comments. For a post's comments whose count
/// did not move: only the comments whose votes count moved are read again (<see cref="CrawlTaskKind.Comment"/>), with
/// their votes.
/// </param>
/// <param name="VotesAfter">
/// For a post's votes: read only the votes cast at or after this instant (the newest vote an earlier complete walk
/// read), not the whole connection again.
/// </param>
/// <param name="Span">
/// For a page read beside others of the same connection: which page of which span (<see cref="SpanPage"/>); null for a
/// page read after the one before it.
/// </param>
[GenerateSerializer, Immutable, Alias("phdb.CrawlTask")]
public sealed record CrawlTask(
    [property: Id(0)] CrawlTaskKind Kind,
    [property: Id(1)] long SubjectId = 0,
    [property: Id(2)] long ParentId = 0,
    [property: Id(3)] DateTimeOffset? From = null,
    [property: Id(4)] DateTimeOffset? To = null,
    [property: Id(5)] string? After = null,
    [property: Id(6)] DateTimeOffset? RefreshCommentsFrom = null,
    [property: Id(7)] bool NewestPageOnly = false,
    [property: Id(8)] int? First = null,
    [property: Id(9)] bool Lean = false,
    [property: Id(10)] DateTimeOffset? VotesAfter = null,
    [property: Id(11)] SpanPage? Span = null
)
{
    /// <summary>Whether the task belongs to a post, comment or collection rather than to a partition's root.</summary>
    public bool IsNested =>
        Kind is not (CrawlTaskKind.PostsWindow or CrawlTaskKind.Topics or CrawlTaskKind.Collections);

    /// <summary>
    /// Whether a post grain owns the task (a re-read of the post or of a comment, its comments, replies, votes of the
    /// post and of its comments).
    /// </summary>
    public bool IsPostWork =>
        Kind
            is CrawlTaskKind.Post
                or CrawlTaskKind.Comment
                or CrawlTaskKind.PostComments
                or CrawlTaskKind.CommentReplies
                or CrawlTaskKind.PostVotes
                or CrawlTaskKind.CommentVotes;

    /// <inheritdoc />
    public override string ToString() =>
        Kind switch
        {
            CrawlTaskKind.PostsWindow =>
                $"{(Lean ? "post counts" : "posts")} {From:yyyy-MM-dd HH:mm}..{To:yyyy-MM-dd HH:mm}",
            CrawlTaskKind.Topics => NewestPageOnly ? "newest topics" : "topics",
            CrawlTaskKind.Collections => NewestPageOnly ? "newest collections" : "collections",
            _ => $"{Kind} {SubjectId}",
        } + (After is null ? "" : $" after {After}");
}
