using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>The nested pages a post grain announces it has left, which the console's ETA sums and bounds by.</summary>
public sealed class PostWorkLeftTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_post_counts_its_pages_left_from_its_counts_and_the_rows_its_pages_held()
    {
        await using var cluster = await HandDrivenHarvest.StartAsync(
            postgres,
            "post_work_left",
            cancellationToken: TestContext.Current.CancellationToken
        );
        var post = cluster.Client.GetGrain<IPostGrain>(4242);
        var comments = new CrawlTask(CrawlTaskKind.PostComments, 4242);
        var votes = new CrawlTask(CrawlTaskKind.PostVotes, 4242);

        // 45 comments and 130 votes at 20 a page: 3 + 7 pages, the votes 7 in a row; 45 comments unread.
        Assert.Equal(new PostWorkLeft(10, 7, 45), await post.Observe(45, 130, DateTimeOffset.UtcNow));

        // A full page of votes leaves 110 (6 pages); a page of comments held 30 rows with their replies, so the 15
        // left fit in one.
        Assert.Equal(new PostWorkLeft(9, 6, 45), await post.Advance(new TaskOutcome(votes, "v1", 20, [])));
        Assert.Equal(new PostWorkLeft(7, 6, 15), await post.Advance(new TaskOutcome(comments, "c1", 30, [])));

        // A failed page changes nothing; the last page of a connection closes it.
        Assert.Equal(
            new PostWorkLeft(7, 6, 15),
            await post.Advance(new TaskOutcome(votes with { After = "v1" }, null, 0, [], Error: "500"))
        );
        Assert.Equal(new PostWorkLeft(6, 6), await post.Advance(new TaskOutcome(comments, null, 15, [])));
        Assert.Equal(PostWorkLeft.None, await post.Advance(new TaskOutcome(votes, null, 110, [])));

        // New counts open both again, from their start.
        Assert.Equal(new PostWorkLeft(6, 3, 46), await post.Observe(46, 41, DateTimeOffset.UtcNow));
    }
}
