using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Engine;

public sealed class IncrementalHarvestTests(PostgresServer postgres)
{
    private const int PageSize = 20;
    private const int RepliesWithComment = 3;
    private static readonly TimeSpan RefreshRecent = TimeSpan.FromDays(402);
    private static readonly TimeSpan RefreshComments = TimeSpan.FromDays(90);

    private static int Pages(int items) => (items + PageSize - 1) / PageSize;

    [Fact]
    public async Task An_incremental_harvest_catches_new_posts_votes_comments_and_edits_and_a_quiet_one_is_cheap()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var simulator = await HarvestCluster.StartWorldAsync(300, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("incremental_harvest", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(
            database,
            simulator,
            settings: new Dictionary<string, string?>
            {
                // Votes keep arriving for 401 days after a launch: a refresh that reaches that far back keeps every
                // count exact. The simulator's clock (2026-06-01 on) is not the silos' clock: the plan must follow
                // the posts the API showed, not TimeProvider.
                ["Harvest:RefreshRecent"] = "402.00:00:00",
                ["Harvest:LookBack"] = "02:00:00",
                ["Harvest:RefreshComments"] = "90.00:00:00",
            }
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>("default");

        await coordinator.StartFull();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(2), "full harvest");
        var before = await SimulatorTruth.LoadAsync(simulator.BaseAddress, cancellation);
        var full = await TruthComparison.CompareAsync(before, database, new TruthComparisonOptions(), cancellation);
        Assert.True(full.IsExactMatch, full.ToString());
        var highWaterMark = (await coordinator.GetStatus()).HighWaterMark;
        Assert.Equal(before.Posts.Max(p => p.CreatedAt), highWaterMark);

        simulator.Clock.Advance((long)TimeSpan.FromDays(20).TotalSeconds);
        var after = await SimulatorTruth.LoadAsync(simulator.BaseAddress, cancellation);
        var newPosts = after.Posts.Count - before.Posts.Count;
        var edited = after.Posts.Count(p => p.Edited) - before.Posts.Count(p => p.Edited);
        output?.WriteLine(
            $"after 20 days: {newPosts} new posts, {after.Votes.Count - before.Votes.Count} new votes, "
                + $"{after.Comments.Count - before.Comments.Count} new comments, {edited} edits"
        );
        Assert.True(newPosts > 0, "the advance launched new posts");
        Assert.True(after.Votes.Count > before.Votes.Count, "the advance brought new votes");
        Assert.True(after.Comments.Count > before.Comments.Count, "the advance brought new comments");
        Assert.False(
            (
                await TruthComparison.CompareAsync(after, database, new TruthComparisonOptions(), cancellation)
            ).IsExactMatch,
            "the database is behind the advanced world before the incremental run"
        );

        var requests = HarvestProbe.Requests(simulator);
        var first = await coordinator.StartIncremental();
        Assert.Equal(HarvestMode.Incremental, first.Mode);
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(1), "first incremental harvest");
        output?.WriteLine($"first incremental: {HarvestProbe.Requests(simulator) - requests} requests");
        Assert.Equal(0, (await coordinator.GetStatus()).Parked);
        var caught = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(caught.IsExactMatch, caught.ToString());

        // Nothing moves now. The incremental plan checks three partitions: the topics, the collections (with their
        // posts) and one open-ended posts window (the refresh period before the high-water mark). Each connection must
        // be paged through to learn that nothing changed (the API has no "changed since"), so the floor is one page
        // per 20 topics, collections, posts of a collection and posts in the window, plus a re-read of the comments
        // (with long reply threads) of posts launched in the comment-refresh period, whose comments' votes move
        // without any post count showing it. Nothing else is read: no post's votes and no comment's votes are walked
        // again, since no count moved. So "one request per partition" holds only for partitions of one page; what
        // the design guarantees is asserted below through the rows each partition read (page sizes vary: the client
        // shrinks pages to fit a request's complexity budget), and packing pages of several partitions into one
        // request only makes the requests fewer than the pages.
        var hwm = after.Posts.Max(p => p.CreatedAt);
        var windowPosts = after.Posts.Where(p => p.CreatedAt >= hwm - RefreshRecent).ToList();
        var refreshed = windowPosts
            .Where(p => p.CreatedAt >= hwm - RefreshComments && p.CommentsCount > 0)
            .Select(p => p.Id)
            .ToHashSet();
        var replies = after.Comments.Where(c => c.ParentId is not null).CountBy(c => c.ParentId!.Value).ToDictionary();
        var expectedPostsNodes =
            windowPosts.Count
            + after
                .Comments.Where(c => c.ParentId is null && refreshed.Contains(c.PostId))
                // Each comment comes with its first 3 replies (not counted as page rows); a longer thread is paged on.
                .Sum(c => 1 + Math.Max(0, replies.GetValueOrDefault(c.Id) - RepliesWithComment));
        requests = HarvestProbe.Requests(simulator);
        var second = await coordinator.StartIncremental();
        Assert.NotEqual(first.RunId, second.RunId);
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(1), "second incremental harvest");
        var spent = HarvestProbe.Requests(simulator) - requests;
        var partitions = (await coordinator.GetPartitions()).ToDictionary(
            p => p.Key[(p.Key.IndexOf('/', StringComparison.Ordinal) + 1)..].Split('/')[0],
            StringComparer.Ordinal
        );
        output?.WriteLine(
            $"quiet incremental: {spent} requests; pages (rows): "
                + string.Join(", ", partitions.Select(p => $"{p.Key} {p.Value.Pages} ({p.Value.Nodes})"))
                + $"; {windowPosts.Count} posts in the window, {refreshed.Count} with comments re-read"
        );
        Assert.Equal(after.Topics.Count, partitions["topics"].Nodes);
        Assert.Equal(after.Collections.Count + after.CollectionPosts.Count, partitions["collections"].Nodes);
        Assert.Equal(expectedPostsNodes, partitions["posts"].Nodes);
        Assert.InRange(spent, Pages(after.Topics.Count), partitions.Values.Sum(p => p.Pages));
        var quiet = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(quiet.IsExactMatch, quiet.ToString());
    }
}
