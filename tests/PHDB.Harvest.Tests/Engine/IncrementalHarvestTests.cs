using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Engine;

public sealed class IncrementalHarvestTests(PostgresServer postgres)
{
    private const int PageSize = 20;
    private static readonly TimeSpan LookBack = TimeSpan.FromHours(2);
    private const int MaxAdvanceDays = 60;

    private static int Edited(SimulatorTruth truth) => truth.Posts.Count(p => p.Edited);

    [Fact]
    public async Task An_incremental_harvest_catches_new_posts_votes_comments_and_edits_and_a_quiet_one_is_cheap()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var simulator = await HarvestCluster.StartWorldAsync(1_000, cancellation);
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
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);

        await coordinator.StartFull();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(2), "full harvest");
        var before = await SimulatorTruth.LoadAsync(simulator.BaseAddress, cancellation);
        var full = await TruthComparison.CompareAsync(before, database, new TruthComparisonOptions(), cancellation);
        Assert.True(full.IsExactMatch, full.ToString());
        var highWaterMark = (await coordinator.GetStatus()).HighWaterMark;
        Assert.Equal(before.Posts.Max(p => p.CreatedAt), highWaterMark);

        // Advance the simulator's clock, 5 days at a time, until it has launched new posts and edited a post (6 % of
        // posts are edited within 45 days of their launch). The world is fixed by its seed, so this is deterministic.
        SimulatorTruth after;
        var days = 0;
        do
        {
            simulator.Clock.Advance((long)TimeSpan.FromDays(5).TotalSeconds);
            days += 5;
            after = await SimulatorTruth.LoadAsync(simulator.BaseAddress, cancellation);
        } while ((after.Posts.Count == before.Posts.Count || Edited(after) == Edited(before)) && days < MaxAdvanceDays);

        var newPosts = after.Posts.Count - before.Posts.Count;
        var edited = Edited(after) - Edited(before);
        output?.WriteLine(
            $"after {days} days: {newPosts} new posts, {after.Votes.Count - before.Votes.Count} new votes, "
                + $"{after.Comments.Count - before.Comments.Count} new comments, {edited} edits"
        );
        Assert.True(edited > 0, $"the advance edited a post within {MaxAdvanceDays} days");
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
        // The checks found new posts, so the run went on to refresh recent posts and read the topics and collections.
        Assert.Equal(
            ["collections", "collections/newest", "posts", "refresh", "topics", "topics/newest"],
            Roles(await coordinator.GetPartitions())
        );
        var caught = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(caught.IsExactMatch, caught.ToString());

        // Nothing moves now. The run checks three partitions: new posts since the high-water mark minus the look-back,
        // the newest page of topics and the newest page of collections. Each is one page; none finds anything newer
        // than what is stored, and the last refresh and whole reads are younger than their intervals, so the run
        // reads nothing else: at most one request per partition checked (packing may put several pages in one).
        requests = HarvestProbe.Requests(simulator);
        var second = await coordinator.StartIncremental();
        Assert.NotEqual(first.RunId, second.RunId);
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(1), "second incremental harvest");
        var spent = HarvestProbe.Requests(simulator) - requests;
        var partitions = await coordinator.GetPartitions();
        output?.WriteLine(
            $"quiet incremental: {spent} requests; pages (rows): "
                + string.Join(", ", partitions.Select(p => $"{p.Key} {p.Pages} ({p.Nodes})"))
        );
        Assert.Equal(["collections/newest", "posts", "topics/newest"], Roles(partitions));
        Assert.All(partitions, p => Assert.Equal(1, p.Pages));
        Assert.InRange(spent, 1, partitions.Count);
        var hwm = after.Posts.Max(p => p.CreatedAt);
        Assert.Equal(after.Posts.Count(p => p.CreatedAt >= hwm - LookBack), Role(partitions, "posts").Nodes);
        Assert.Equal(PageSize, Role(partitions, "topics/newest").Nodes);
        var quiet = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(quiet.IsExactMatch, quiet.ToString());
    }

    /// <summary>A run's partitions by role: the key without its run prefix and window bounds.</summary>
    private static List<string> Roles(IEnumerable<PartitionProgress> partitions) =>
        [.. partitions.Select(p => Role(p.Key)).Order(StringComparer.Ordinal)];

    private static PartitionProgress Role(IEnumerable<PartitionProgress> partitions, string role) =>
        Assert.Single(partitions, p => Role(p.Key) == role);

    private static string Role(string key)
    {
        var role = key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
        return
            role.StartsWith("posts/", StringComparison.Ordinal) || role.StartsWith("refresh/", StringComparison.Ordinal)
            ? role[..role.IndexOf('/', StringComparison.Ordinal)]
            : role;
    }
}
