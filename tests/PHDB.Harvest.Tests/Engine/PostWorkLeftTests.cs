using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>
/// The nested pages a post grain announces it has left and their complexity, which the console's ETA sums and bounds by.
/// </summary>
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

        // The complexity of a page of each, full or sized to the rows left.
        var c20 = comments.Complexity();
        var c15 = (comments with { First = 15 }).Complexity();
        var v20 = votes.Complexity();
        Assert.True(c15 < c20, "a page sized to 15 comments costs less than a full one");

        // 45 comments and 130 votes at 20 a page: 3 + 7 pages; the votes go side by side in one request, the
        // comments' 3 pages one after the other; 45 comments unread.
        Assert.Equal(
            new PostWorkLeft(10, 3, 45, (3 * c20) + (7 * v20)),
            await post.Observe(45, 130, DateTimeOffset.UtcNow)
        );

        // A full page of votes leaves 110 (6 pages, one after the other after a cursor in an unknown format); a page of comments held 30 rows with their replies, so the 15
        // left fit in one, asked for at that size.
        Assert.Equal(
            new PostWorkLeft(9, 6, 45, (3 * c20) + (6 * v20)),
            await post.Advance(new TaskOutcome(votes, "v1", 20, []))
        );
        Assert.Equal(
            new PostWorkLeft(7, 6, 15, c15 + (6 * v20)),
            await post.Advance(new TaskOutcome(comments, "c1", 30, []))
        );

        // A failed page changes nothing; the last page of a connection closes it.
        Assert.Equal(
            new PostWorkLeft(7, 6, 15, c15 + (6 * v20)),
            await post.Advance(new TaskOutcome(votes with { After = "v1" }, null, 0, [], Error: "500"))
        );
        Assert.Equal(new PostWorkLeft(6, 6, 0, 6 * v20), await post.Advance(new TaskOutcome(comments, null, 15, [])));
        Assert.Equal(PostWorkLeft.None, await post.Advance(new TaskOutcome(votes, null, 110, [])));

        // New counts open both again, from their start.
        Assert.Equal(
            new PostWorkLeft(6, 3, 46, (3 * c20) + (3 * v20)),
            await post.Observe(46, 41, DateTimeOffset.UtcNow)
        );
    }
}
