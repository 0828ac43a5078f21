using PHDB.Grains.Harvest;
using PHDB.ProductHunt;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>What a post grain reads again when its counts move: only what changed, never less.</summary>
public sealed class ChangedPostReadsTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Seen = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task New_votes_are_read_from_the_newest_vote_read_and_a_changed_post_of_a_sweep_is_read_again()
    {
        await using var cluster = await HandDrivenHarvest.StartAsync(
            postgres,
            "changed_post_votes",
            cancellationToken: TestContext.Current.CancellationToken
        );
        var post = cluster.Client.GetGrain<IPostGrain>(7171);
        var votes = new CrawlTask(CrawlTaskKind.PostVotes, 7171);
        var newest = Seen.AddHours(-1);

        await post.Observe(0, 25, Seen);
        // 25 votes: two pages side by side, the whole list.
        var first = await post.TakeWork(10);
        Assert.Equal(2, first.Count);
        Assert.All(first, t => Assert.Null(t.VotesAfter));
        await post.Advance(new TaskOutcome(first[1], null, 5, [], NewestRow: newest.AddDays(-9)));
        await post.Advance(new TaskOutcome(first[0], OffsetCursors.At(20), 20, [], NewestRow: newest));
        Assert.Empty(await post.TakeWork(10));

        // Three new votes: read from the newest vote read (inclusive, so that one again), sized to them.
        await post.Observe(0, 28, Seen.AddDays(1));
        var again = Assert.Single(await post.TakeWork(10));
        Assert.Equal(CrawlTaskKind.PostVotes, again.Kind);
        Assert.Equal(newest, again.VotesAfter);
        Assert.Equal(4, again.First);
        Assert.Equal(newest, Assert.IsType<VotesPage>(again.ToWorkItem()).CreatedAfter);
        await post.Advance(new TaskOutcome(again, null, 4, [], NewestRow: newest.AddHours(20)));

        // A sweep's lean listing stored nothing: a post whose counts moved is read again whole, with its new votes.
        await post.Observe(0, 30, Seen.AddDays(2), readChanged: true);
        var work = await post.TakeWork(10);
        Assert.Equal(newest.AddHours(20), work.Single(t => t.Kind == CrawlTaskKind.PostVotes).VotesAfter);
        Assert.Equal(3, work.Single(t => t.Kind == CrawlTaskKind.PostVotes).First);
        Assert.IsType<PostLookup>(work.Single(t => t.Kind == CrawlTaskKind.Post).ToWorkItem());

        // Unchanged counts read nothing, lean or not.
        var quiet = cluster.Client.GetGrain<IPostGrain>(7272);
        await quiet.Observe(0, 0, Seen, readChanged: true);
        await quiet.Advance(new TaskOutcome(Assert.Single(await quiet.TakeWork(10)), null, 1, []));
        Assert.False((await quiet.Observe(0, 0, Seen.AddDays(1), readChanged: true)).HasWork);
    }

    [Fact]
    public async Task Unchanged_comments_are_re_read_leanly_and_only_comments_whose_votes_moved_are_read_again()
    {
        await using var cluster = await HandDrivenHarvest.StartAsync(
            postgres,
            "changed_comment_votes",
            cancellationToken: TestContext.Current.CancellationToken
        );
        var post = cluster.Client.GetGrain<IPostGrain>(8181);
        await post.Observe(2, 0, Seen);
        var whole = Assert.Single(await post.TakeWork(10));
        Assert.False(whole.Lean);
        await post.Advance(
            new TaskOutcome(
                whole,
                null,
                2,
                [
                    new DiscoveredSubject(CrawlTaskKind.CommentVotes, 81, 8181, Count: 3),
                    new DiscoveredSubject(CrawlTaskKind.CommentVotes, 82, 8181, Count: 1),
                ]
            )
        );
        foreach (var task in await post.TakeWork(10))
        {
            await post.Advance(new TaskOutcome(task, null, task.First ?? 0, []));
        }

        // Same comment count, comments refreshed: a lean page, which stores no comment.
        await post.Observe(2, 0, Seen.AddDays(1), refreshComments: true);
        var lean = Assert.Single(await post.TakeWork(10));
        Assert.True(lean.Lean);
        Assert.IsType<PostCommentTalliesPage>(lean.ToWorkItem());
        await post.Advance(
            new TaskOutcome(
                lean,
                null,
                2,
                [
                    new DiscoveredSubject(CrawlTaskKind.CommentVotes, 81, 8181, Count: 5),
                    new DiscoveredSubject(CrawlTaskKind.CommentVotes, 82, 8181, Count: 1),
                ]
            )
        );
        var moved = await post.TakeWork(10);
        Assert.Equal(
            [(CrawlTaskKind.CommentVotes, 81L), (CrawlTaskKind.Comment, 81L)],
            moved.Select(t => (t.Kind, t.SubjectId)).Order()
        );
        Assert.IsType<CommentLookup>(moved.Single(t => t.Kind == CrawlTaskKind.Comment).ToWorkItem());
        var leanPage = Assert.IsType<PostCommentTalliesPage>(lean.ToWorkItem());
        Assert.Equal(0, leanPage.RepliesFirst);

        // A lean page counts each thread; a thread with replies is read leanly too.
        await post.Observe(2, 0, Seen.AddDays(1).AddHours(1), refreshComments: true);
        var again = (await post.TakeWork(10)).Single(t => t.Kind == CrawlTaskKind.PostComments);
        await post.Advance(
            new TaskOutcome(again, null, 2, [new DiscoveredSubject(CrawlTaskKind.CommentReplies, 81, 8181, Count: 4)])
        );
        var thread = (await post.TakeWork(10)).Single(t => t.Kind == CrawlTaskKind.CommentReplies);
        Assert.True(thread.Lean);
        var threadPage = Assert.IsType<CommentReplyTalliesPage>(thread.ToWorkItem());
        Assert.Equal((8181L, 81L), (threadPage.PostId, threadPage.CommentId));

        // A new comment: the whole comments are read; a lean refresh meanwhile does not replace that read.
        await post.Observe(3, 0, Seen.AddDays(2));
        await post.Observe(3, 0, Seen.AddDays(2), refreshComments: true);
        Assert.False((await post.TakeWork(10)).Single(t => t.Kind == CrawlTaskKind.PostComments).Lean);
    }
}
