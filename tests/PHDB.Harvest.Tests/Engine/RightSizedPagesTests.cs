using PHDB.Domain;
using PHDB.Grains.Harvest;
using PHDB.ProductHunt;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>
/// Nested pages ask for the rows their counts announce, not a full page: the API charges a page by what it asks for.
/// </summary>
public sealed class RightSizedPagesTests(PostgresServer postgres)
{
    private Task<HandDrivenHarvest> StartAsync(string database) =>
        HandDrivenHarvest.StartAsync(postgres, database, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_post_asks_for_the_rows_its_counts_say_are_left_and_reads_on_when_a_count_was_short()
    {
        await using var cluster = await StartAsync("right_sized_pages");
        var post = cluster.Client.GetGrain<IPostGrain>(5151);
        var comments = new CrawlTask(CrawlTaskKind.PostComments, 5151);
        var votes = new CrawlTask(CrawlTaskKind.PostVotes, 5151);

        // 3 comments, and 45 votes in a cursor format not known: a page at a time, two full pages, then the 5 left.
        await post.Observe(3, 45, DateTimeOffset.UtcNow);
        await post.Advance(new TaskOutcome(votes, "v1", 20, []));
        Assert.Equal([3, null], await Sizes(post));
        await post.Advance(new TaskOutcome(votes with { After = "v1" }, "v2", 20, []));
        Assert.Equal([3, 5], await Sizes(post));

        // The count was short (votes came in since): the connection goes on, and is read on with full pages.
        await post.Advance(new TaskOutcome(votes with { After = "v2" }, "v3", 5, []));
        Assert.Equal([3, null], await Sizes(post));

        // A comment's votes are asked for by the comment's count.
        await post.Advance(
            new TaskOutcome(comments, null, 3, [new DiscoveredSubject(CrawlTaskKind.CommentVotes, 77, 5151, Count: 2)])
        );
        var open = await post.TakeWork(10);
        Assert.Equal(2, open.Single(t => t.Kind == CrawlTaskKind.CommentVotes).First);
    }

    [Fact]
    public async Task A_long_votes_list_is_read_side_by_side_and_moves_on_once_every_page_of_its_span_is_read()
    {
        await using var cluster = await StartAsync("votes_spans");
        var post = cluster.Client.GetGrain<IPostGrain>(5252);
        await post.Observe(0, 45, DateTimeOffset.UtcNow);

        // 45 votes from the start: three pages at once, after positions 0, 20 and 40, the last sized to 5.
        var span = await post.TakeWork(10);
        Assert.Equal([null, OffsetCursors.At(20), OffsetCursors.At(40)], span.Select(t => t.After));
        Assert.Equal([null, null, 5], span.Select(t => t.First));

        // Pages come back in any order; one packed short of its end is asked again, alone.
        await post.Advance(new TaskOutcome(span[2], OffsetCursors.At(45), 5, []));
        await post.Advance(new TaskOutcome(span[0], OffsetCursors.At(12), 12, []));
        Assert.Equal([0, 1], (await post.TakeWork(10)).Select(t => t.Span!.Index));
        await post.Advance(new TaskOutcome(span[0], OffsetCursors.At(20), 20, []));
        Assert.Equal([1], (await post.TakeWork(10)).Select(t => t.Span!.Index));

        // The count was short: the last page said more follows, so the list is read on from its cursor, a full page.
        var left = await post.Advance(new TaskOutcome(span[1], OffsetCursors.At(40), 20, []));
        var next = Assert.Single(await post.TakeWork(10));
        Assert.Equal(OffsetCursors.At(45), next.After);
        Assert.Null(next.First);
        Assert.Null(next.Span);
        Assert.Equal(1, left.Chain);

        // A page of the span that comes back late changes nothing; the last page closes the list.
        await post.Advance(new TaskOutcome(span[1], OffsetCursors.At(40), 20, []));
        Assert.Equal(OffsetCursors.At(45), Assert.Single(await post.TakeWork(10)).After);
        Assert.Equal(PostWorkLeft.None, await post.Advance(new TaskOutcome(next, null, 1, [])));
    }

    [Fact]
    public async Task A_thread_asks_for_at_most_the_comments_its_post_has_not_shown_yet()
    {
        await using var cluster = await StartAsync("right_sized_replies");
        var post = cluster.Client.GetGrain<IPostGrain>(6161);
        await post.Observe(30, 0, DateTimeOffset.UtcNow);

        // 30 comments, replies included: the first page showed 20 comments and 6 of their replies, and one comment has
        // more replies than were read with it.
        await post.Advance(
            new TaskOutcome(
                new CrawlTask(CrawlTaskKind.PostComments, 6161),
                "c1",
                26,
                [new DiscoveredSubject(CrawlTaskKind.CommentReplies, 88, 6161, "r3")]
            )
        );
        var open = await post.TakeWork(10);

        Assert.Equal(4, open.Single(t => t.Kind == CrawlTaskKind.PostComments).First);
        Assert.Equal(4, open.Single(t => t.Kind == CrawlTaskKind.CommentReplies).First);
    }

    [Fact]
    public async Task A_counted_thread_asks_for_its_count_and_reads_on_when_the_count_was_short()
    {
        await using var cluster = await StartAsync("counted_threads");
        var post = cluster.Client.GetGrain<IPostGrain>(7171);
        await post.Observe(30, 0, DateTimeOffset.UtcNow);

        // 12 top-level comments read; two threads counted 2 and 14 replies, the post's 18 other comments.
        await post.Advance(
            new TaskOutcome(
                new CrawlTask(CrawlTaskKind.PostComments, 7171),
                null,
                12,
                [
                    new DiscoveredSubject(CrawlTaskKind.CommentReplies, 91, 7171, Count: 2),
                    new DiscoveredSubject(CrawlTaskKind.CommentReplies, 92, 7171, Count: 14),
                ]
            )
        );
        var open = await post.TakeWork(10);
        Assert.Equal(2, open.Single(t => t.SubjectId == 91).First);
        Assert.Equal(14, open.Single(t => t.SubjectId == 92).First);

        // The short thread still goes on (a reply came in since it was counted): read on, bounded by the post alone.
        var thread = open.Single(t => t.SubjectId == 91);
        await post.Advance(new TaskOutcome(thread, "r2", 2, []));
        open = await post.TakeWork(10);
        Assert.Equal(16, open.Single(t => t.SubjectId == 91).First);
        Assert.Equal("r2", open.Single(t => t.SubjectId == 91).After);
    }

    [Theory]
    [InlineData(null, 20)]
    [InlineData(3, 3)]
    [InlineData(1, 1)]
    public void A_comments_page_asks_for_each_threads_count_not_its_replies(int? first, int asked)
    {
        var page = Assert.IsType<PostCommentsPage>(
            new CrawlTask(CrawlTaskKind.PostComments, 9, First: first).ToWorkItem()
        );

        Assert.Equal(asked, page.First);
        Assert.Equal(0, page.RepliesFirst);
    }

    [Fact]
    public void Votes_pages_ask_for_the_size_their_task_carries()
    {
        var sized = new CrawlTask(CrawlTaskKind.CommentVotes, 9, 1, First: 4).ToWorkItem();
        var full = new CrawlTask(CrawlTaskKind.PostVotes, 9).ToWorkItem();

        Assert.Equal(4, Assert.IsType<VotesPage>(sized).First);
        Assert.Equal(VoteSubject.Comment, ((VotesPage)sized).Subject);
        Assert.Equal(20, Assert.IsType<VotesPage>(full).First);
    }

    private static async Task<int?[]> Sizes(IPostGrain post)
    {
        var open = await post.TakeWork(10);
        return
        [
            open.SingleOrDefault(t => t.Kind == CrawlTaskKind.PostComments)?.First,
            open.SingleOrDefault(t => t.Kind == CrawlTaskKind.PostVotes)?.First,
        ];
    }
}
