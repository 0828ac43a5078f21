using PHDB.Domain;
using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>The sweep keeps posts of every age exact, where the refresh reaches only the recent ones.</summary>
public sealed class SweepTests(PostgresServer postgres)
{
    // A post's text can change for 45 days after its launch (the simulator's edits), which no count shows: the
    // refresh must reach that far for the text. Counts, comments and comment votes of older posts are the sweep's.
    private static readonly TimeSpan RefreshRecent = TimeSpan.FromDays(46);
    private static readonly TimeSpan RefreshComments = TimeSpan.FromDays(2);

    [Fact]
    public async Task One_sweep_brings_votes_comments_and_comment_votes_on_old_posts_exactly_to_the_truth()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var simulator = await HarvestCluster.StartWorldAsync(1_000, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("sweep_harvest", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(
            database,
            simulator,
            settings: new Dictionary<string, string?>
            {
                ["Harvest:RefreshRecent"] = "46.00:00:00",
                ["Harvest:RefreshComments"] = "2.00:00:00",
                // The silos' clock moves seconds while the simulator's moves a month: sweep on every run.
                ["Harvest:SweepInterval"] = "00:00:00",
                ["Harvest:SweepCommentsInterval"] = "00:00:00",
            }
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        await coordinator.StartFull();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(2), "full harvest");
        var before = await SimulatorTruth.LoadAsync(simulator.BaseAddress, cancellation);

        simulator.Clock.Advance((long)TimeSpan.FromDays(30).TotalSeconds);
        var after = await SimulatorTruth.LoadAsync(simulator.BaseAddress, cancellation);

        // What the refresh cannot reach: activity on posts launched before its period (and comments' votes on posts
        // launched before its comments period), counted from the truth so that the test shows the sweep's part.
        var newest = after.Posts.Max(p => p.CreatedAt);
        var launched = after.Posts.ToDictionary(p => p.Id, p => p.CreatedAt);
        var known = before.Votes.Select(v => v.Id).ToHashSet();
        var postOf = after.Comments.ToDictionary(c => c.Id, c => c.PostId);
        var oldPostVotes = after.Votes.Count(v =>
            !known.Contains(v.Id) && v.SubjectType == VoteSubject.Post && launched[v.SubjectId] < newest - RefreshRecent
        );
        var oldCommentVotes = after.Votes.Count(v =>
            !known.Contains(v.Id)
            && v.SubjectType == VoteSubject.Comment
            && launched[postOf[v.SubjectId]] < newest - RefreshComments
        );
        output?.WriteLine(
            $"after 30 days: {after.Votes.Count - before.Votes.Count} new votes, {oldPostVotes} on posts launched "
                + $"over {RefreshRecent.TotalDays} days before the newest, {oldCommentVotes} on comments of posts "
                + $"launched over {RefreshComments.TotalDays} days before"
        );
        Assert.True(oldPostVotes > 0, "the advance cast votes on posts older than the refresh period");
        Assert.True(oldCommentVotes > 0, "the advance cast votes on comments of posts older than their refresh period");

        var requests = HarvestProbe.Requests(simulator);
        await coordinator.StartIncremental();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(2), "incremental harvest with a sweep");
        var partitions = await coordinator.GetPartitions();
        var sweep = partitions.Where(p => p.Key.Contains("/sweep-comments/", StringComparison.Ordinal)).ToList();
        output?.WriteLine(
            $"incremental with a sweep: {HarvestProbe.Requests(simulator) - requests} requests; sweep: {sweep.Count} "
                + $"windows, {sweep.Sum(p => p.Pages)} pages, {sweep.Sum(p => p.Nodes)} rows"
        );
        Assert.NotEmpty(sweep);
        Assert.Equal(0, (await coordinator.GetStatus()).Parked);
        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());
        Assert.Equal(0, HarvestProbe.RateLimited(simulator));
    }
}
