using PHDB.Grains.Harvest;
using PHDB.ProductHunt;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>
/// Long votes lists read several pages at a time through offset cursors, and what a span's pages read before the
/// connection moves on.
/// </summary>
public sealed class SpanPlannerTests
{
    private static readonly CrawlTask PostVotes = new(CrawlTaskKind.PostVotes, 7);

    [Fact]
    public void A_counted_votes_list_is_handed_out_as_pages_side_by_side_each_after_the_position_the_one_before_ends()
    {
        var pages = SpanPlanner.Pages(PostVotes, 45, null)!;

        Assert.Equal([null, OffsetCursors.At(20), OffsetCursors.At(40)], pages.Select(p => p.After));
        Assert.Equal([null, null, 5], pages.Select(p => p.First));
        Assert.Equal([0, 1, 2], pages.Select(p => p.Span!.Index));
        Assert.All(pages, p => Assert.Equal(new SpanPage(0, p.Span!.Index, 3), p.Span));
    }

    [Fact]
    public void A_span_reads_on_from_the_committed_position()
    {
        var pages = SpanPlanner.Pages(PostVotes with { After = OffsetCursors.At(60) }, 30, null)!;

        Assert.Equal([OffsetCursors.At(60), OffsetCursors.At(80)], pages.Select(p => p.After));
        Assert.Equal([null, 10], pages.Select(p => p.First));
        Assert.All(pages, p => Assert.Equal(60, p.Span!.Start));
    }

    [Fact]
    public void A_span_holds_at_most_ten_pages()
    {
        var pages = SpanPlanner.Pages(PostVotes, 700, null)!;

        Assert.Equal(SpanPlanner.MaxPages, pages.Count);
        Assert.Equal(OffsetCursors.At(180), pages[^1].After);
        Assert.Null(pages[^1].First);
    }

    [Theory]
    [InlineData(CrawlTaskKind.PostVotes, 40, null, true)]
    [InlineData(CrawlTaskKind.CommentVotes, 21, null, true)]
    [InlineData(CrawlTaskKind.PostVotes, 20, null, false)] // a page or less: nothing to read beside it
    [InlineData(CrawlTaskKind.PostVotes, null, null, false)] // not counted
    [InlineData(CrawlTaskKind.PostVotes, 100, "v1", false)] // a cursor in another format
    [InlineData(CrawlTaskKind.PostComments, 100, null, false)] // comments reveal threads and their votes page by page
    [InlineData(CrawlTaskKind.CommentReplies, 100, null, false)]
    public void Only_counted_votes_lists_in_the_documented_cursor_format_are_read_side_by_side(
        CrawlTaskKind kind,
        int? unread,
        string? after,
        bool spans
    )
    {
        var pages = SpanPlanner.Pages(new CrawlTask(kind, 7, After: after), unread, null);

        Assert.Equal(spans, pages is not null);
    }

    [Fact]
    public void Pages_of_a_span_under_way_already_read_are_not_handed_out_again_and_its_size_holds()
    {
        var progress = new SpanProgress(0, 3).With(0, 20, null, null).With(2, 5, null, null);

        // The count moved since the span began: the span keeps its three pages, and only page 1 is left.
        var pages = SpanPlanner.Pages(PostVotes, 90, progress)!;

        Assert.Equal(new SpanPage(0, 1, 3), Assert.Single(pages).Span);
    }

    [Fact]
    public void A_span_is_complete_once_each_page_is_read_in_any_order_with_the_last_pages_cursor()
    {
        var newest = DateTimeOffset.Parse("2026-03-01T10:00:00Z", null);
        var pages = SpanPlanner.Pages(PostVotes, 45, null)!;
        SpanProgress? progress = null;

        progress = SpanPlanner.Record(PostVotes, progress, new TaskOutcome(pages[2], "NDU=", 5, [], NewestRow: null));
        Assert.False(progress!.Complete);
        progress = SpanPlanner.Record(
            PostVotes,
            progress,
            new TaskOutcome(pages[0], "MjA=", 20, [], NewestRow: newest)
        );
        progress = SpanPlanner.Record(PostVotes, progress, new TaskOutcome(pages[0], "MjA=", 20, [])); // twice
        Assert.False(progress!.Complete);
        progress = SpanPlanner.Record(
            PostVotes,
            progress,
            new TaskOutcome(pages[1], "NDA=", 20, [], NewestRow: newest.AddDays(-1))
        );

        Assert.True(progress!.Complete);
        Assert.Equal(45, progress.Nodes);
        Assert.Equal(newest, progress.Newest);
        Assert.Equal("NDU=", progress.NextAfter);
    }

    [Fact]
    public void A_page_packed_smaller_than_asked_is_not_read_until_it_reaches_its_end()
    {
        var pages = SpanPlanner.Pages(PostVotes, 45, null)!;

        // Page 0 came back with 8 rows: the 12 after them are unread, and the next page starts after position 20.
        var progress = SpanPlanner.Record(PostVotes, null, new TaskOutcome(pages[0], OffsetCursors.At(8), 8, []))!;
        Assert.False(progress.HasRead(0));
        Assert.Equal(3, SpanPlanner.Pages(PostVotes, 45, progress)!.Count);

        // The last page may stop anywhere: the connection goes on from its cursor.
        progress = SpanPlanner.Record(PostVotes, progress, new TaskOutcome(pages[2], OffsetCursors.At(43), 3, []))!;
        Assert.True(progress.HasRead(2));
        Assert.Equal(OffsetCursors.At(43), progress.NextAfter);

        // A page whose list ended early is read whole.
        progress = SpanPlanner.Record(PostVotes, progress, new TaskOutcome(pages[1], null, 11, []))!;
        Assert.True(progress.HasRead(1));
    }

    [Fact]
    public void A_page_of_another_walk_of_the_connection_is_not_recorded()
    {
        var old = SpanPlanner.Pages(PostVotes, 45, null)!;
        var movedOn = PostVotes with { After = OffsetCursors.At(45) };

        Assert.Null(SpanPlanner.Record(movedOn, null, new TaskOutcome(old[1], "NDA=", 20, [])));
        Assert.Null(SpanPlanner.Record(PostVotes, null, new TaskOutcome(PostVotes, "MjA=", 20, [])));

        // A walk of the votes cast since an instant starts at position 0 too, over another list.
        var since = PostVotes with
        {
            VotesAfter = DateTimeOffset.UnixEpoch,
        };
        Assert.Null(SpanPlanner.Record(since, null, new TaskOutcome(old[0], "MjA=", 20, [])));
        Assert.NotNull(
            SpanPlanner.Record(since, null, new TaskOutcome(SpanPlanner.Pages(since, 45, null)![0], "MjA=", 20, []))
        );
    }

    [Fact]
    public void A_span_of_another_size_at_the_same_position_starts_over()
    {
        var progress = new SpanProgress(0, 3).With(0, 20, null, null);
        var larger = new CrawlTask(CrawlTaskKind.PostVotes, 7, Span: new SpanPage(0, 1, 4));

        var recorded = SpanPlanner.Record(PostVotes, progress, new TaskOutcome(larger, "NDA=", 20, []))!;

        Assert.Equal(4, recorded.Pages);
        Assert.False(recorded.HasRead(0));
        Assert.True(recorded.HasRead(1));
    }

    [Theory]
    [InlineData(CrawlTaskKind.PostVotes, null, 35, 4)]
    [InlineData(CrawlTaskKind.PostVotes, null, 10, 1)]
    [InlineData(CrawlTaskKind.PostVotes, "v1", 35, 35)]
    [InlineData(CrawlTaskKind.PostComments, null, 5, 5)]
    public void A_connection_read_side_by_side_needs_a_request_per_span(
        CrawlTaskKind kind,
        string? after,
        int pages,
        int chain
    ) => Assert.Equal(chain, SpanPlanner.Chain(new CrawlTask(kind, 7, After: after), pages));

    [Fact]
    public void Progress_counts_each_page_once()
    {
        var progress = new SpanProgress(20, 2).With(1, 7, null, "x").With(1, 7, null, "y");

        Assert.Equal(7, progress.Nodes);
        Assert.Equal("x", progress.NextAfter);
        Assert.Throws<ArgumentOutOfRangeException>(() => progress.With(2, 1, null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => progress.With(-1, 1, null, null));
    }
}
