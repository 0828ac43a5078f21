using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>
/// A partition lists no more posts while it holds <c>Harvest:MaxPendingPosts</c> posts with nested work left, so the
/// backlog the silos hold stays bounded however large the partition (benchmarked in docs/benchmarks.md).
/// </summary>
public sealed class PartitionBacklogTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_partition_with_a_full_backlog_lists_its_next_posts_page_only_once_the_backlog_drained()
    {
        await using var cluster = await HandDrivenHarvest.StartAsync(
            postgres,
            "partition_backlog",
            new Dictionary<string, string?> { ["Harvest:MaxPendingPosts"] = "2" },
            cancellationToken: TestContext.Current.CancellationToken
        );
        var partition = cluster.Client.GetGrain<ICrawlPartitionGrain>("backlog/posts/2020-01");
        var root = new CrawlTask(
            CrawlTaskKind.PostsWindow,
            From: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
            To: new DateTimeOffset(2020, 2, 1, 0, 0, 0, TimeSpan.Zero)
        );
        await partition.Plan(root);
        Assert.Equal([root], (await partition.TakeWork(8)).Select(t => t.Task));

        // The first page lists three posts with 30 votes each (two pages each): three posts, a backlog full at two.
        var progress = await partition.Complete([
            new TaskOutcome(
                root,
                "page-1",
                3,
                [
                    .. new long[] { 91, 92, 93 }.Select(id => new DiscoveredSubject(
                        CrawlTaskKind.PostVotes,
                        id,
                        Count: 30
                    )),
                ]
            ),
        ]);
        // Each post's two pages are read side by side: a request each.
        Assert.Equal((3, 6L, 1), (progress.PendingSubjects, progress.PendingPages, progress.LongestChain));
        var backlogged = (await partition.TakeWork(8)).Select(t => t.Task).ToList();
        Assert.DoesNotContain(backlogged, t => t.Kind == CrawlTaskKind.PostsWindow);
        Assert.Equal([91L, 91L, 92L, 92L, 93L, 93L], backlogged.Select(t => t.SubjectId).Order());

        // Two posts walked to their end leave one: the next posts page is listed again.
        progress = await partition.Complete([
            .. backlogged.Where(t => t.SubjectId != 93).Select(t => new TaskOutcome(t, null, 15, [])),
        ]);
        Assert.Equal((1, 2L, 1), (progress.PendingSubjects, progress.PendingPages, progress.LongestChain));
        var drained = (await partition.TakeWork(8)).Select(t => t.Task).ToList();
        Assert.Contains(root with { After = "page-1" }, drained);
        Assert.Contains(drained, t => t is { Kind: CrawlTaskKind.PostVotes, SubjectId: 93 });
    }
}
