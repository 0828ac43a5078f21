using PHDB.ProductHunt;

namespace PHDB.Grains.Harvest;

/// <summary>
/// Reads a long connection several pages at a time. Where a connection's count announces more rows than a page holds
/// and its cursor is in the API's documented offset format, its next pages are handed out together, each after the
/// position the one before ends at, so one request carries them side by side instead of one request per page: the
/// end of a run no longer waits on a long votes list read a page a request.
/// </summary>
/// <remarks>
/// Votes are listed newest first: a vote cast while the span is read pushes the older ones one position on, so a row
/// at a page's edge is read twice (the writes are idempotent) and none is skipped. The last page's cursor continues the
/// connection when it says more follows (a count older than its rows).
/// </remarks>
public static class SpanPlanner
{
    /// <summary>The most pages of one connection handed out together (about 870 complexity points of votes).</summary>
    public const int MaxPages = 10;

    /// <summary>A full page.</summary>
    public const int FullPage = CrawlTaskWorkItems.FullPage;

    /// <summary>Whether <paramref name="kind"/>'s pages can be read side by side: lists whose rows reveal no further work.</summary>
    public static bool Spans(CrawlTaskKind kind) => kind is CrawlTaskKind.PostVotes or CrawlTaskKind.CommentVotes;

    /// <summary>
    /// The pages to hand out for <paramref name="open"/> with <paramref name="unread"/> rows announced, those of a
    /// span already under way (<paramref name="progress"/>) not yet read; null when the connection is read a page
    /// at a time (a kind that reveals work, a page or less left, or a cursor in another format).
    /// </summary>
    public static IReadOnlyList<CrawlTask>? Pages(CrawlTask open, int? unread, SpanProgress? progress)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (!Spans(open.Kind) || OffsetCursors.Position(open.After) is not { } start)
        {
            return null;
        }

        var pages = progress is { } p && p.Start == start ? p.Pages : Math.Min(PagesFor(unread ?? 0), MaxPages);
        if (pages <= 1)
        {
            return null;
        }

        var tasks = new List<CrawlTask>(pages);
        for (var i = 0; i < pages; i++)
        {
            if (progress is { } read && read.Start == start && read.HasRead(i))
            {
                continue;
            }

            var rows = (unread ?? 0) - (i * FullPage);
            tasks.Add(
                open with
                {
                    After = i == 0 ? open.After : OffsetCursors.At(start + (i * FullPage)),
                    First = rows is > 0 and < FullPage ? rows : null,
                    Span = new SpanPage(start, i, pages),
                }
            );
        }

        return tasks;
    }

    /// <summary>The requests <paramref name="open"/>'s <paramref name="pages"/> pages left need one after the other.</summary>
    public static int Chain(CrawlTask open, int pages)
    {
        ArgumentNullException.ThrowIfNull(open);
        return Spans(open.Kind) && OffsetCursors.Position(open.After) is not null
            ? (pages + MaxPages - 1) / MaxPages
            : pages;
    }

    /// <summary>
    /// The progress of <paramref name="open"/>'s span once <paramref name="outcome"/>'s page is read; null when the
    /// page belongs to no span of the connection as it stands (an older walk's page, read for nothing).
    /// </summary>
    public static SpanProgress? Record(CrawlTask open, SpanProgress? progress, TaskOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(outcome);
        if (
            outcome.Task.Span is not { } page
            || OffsetCursors.Position(open.After) != page.Start
            || outcome.Task.VotesAfter != open.VotesAfter
        )
        {
            // Another walk of the list: from another position, or over the votes cast since another instant.
            return null;
        }

        var current =
            progress is { } p && p.Start == page.Start && p.Pages == page.Pages
                ? p
                : new SpanProgress(page.Start, page.Pages);
        var end = page.Start + ((page.Index + 1) * FullPage);
        if (
            page.Index < page.Pages - 1
            && outcome.NextAfter is not null
            && !(OffsetCursors.Position(outcome.NextAfter) >= end)
        )
        {
            // Packed smaller than asked to fit a request: the rest of the page is still unread, so the page is asked
            // again (the span's next page starts after its end, not after the rows this one held).
            return current;
        }

        return current.With(page.Index, outcome.Nodes, outcome.NewestRow, outcome.NextAfter);
    }

    private static int PagesFor(int rows) => (rows + FullPage - 1) / FullPage;
}
