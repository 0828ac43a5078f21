using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Grains.Harvest.Events;
using PHDB.Operations;
using PHDB.Storage;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Admin.Tests.Live;

/// <summary>The console's feed against a real cluster, simulator and database.</summary>
public sealed class HarvestFeedTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_feed_follows_a_harvest_to_its_end_and_renewing_does_not_subscribe_twice()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var simulator = await HarvestCluster.StartWorldAsync(200, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("admin_feed", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(database, simulator);
        await using var dataSource = NpgsqlDataSource.Create(database);
        using var feed = new HarvestFeed(
            cluster.Client,
            new StoredTotalsReader(dataSource),
            TimeProvider.System,
            Options.Create(
                new HarvestFeedOptions
                {
                    PushInterval = TimeSpan.FromMilliseconds(100),
                    TotalsInterval = TimeSpan.FromMilliseconds(200),
                }
            ),
            NullLogger<HarvestFeed>.Instance
        );
        var pushed = 0;
        feed.Changed += _ => Interlocked.Increment(ref pushed);
        await feed.StartAsync(cancellation);
        await Eventually.HoldsAsync(
            () => Task.FromResult(feed.Current.Status is { Mode: HarvestMode.None }),
            TimeSpan.FromSeconds(30),
            "the feed's first view, before any run"
        );

        var run = await feed.Coordinator.StartFull();
        var truth = await SimulatorTruth.LoadAsync(simulator.BaseAddress, cancellation);
        var posts = truth.Posts.Count;
        await Eventually.HoldsAsync(
            () =>
                Task.FromResult(
                    feed.Current is { Status.Phase: HarvestPhase.Completed } view
                        && view.Status.RunId == run.RunId
                        && view.Totals?.Posts == posts
                        && view.Totals.VotesEstimate == truth.Votes.Count
                        && view.Partitions.Count == view.Status.Partitions
                        && view.Partitions.Values.All(p => p.Status == PartitionStatus.Done)
                        && view.RecentEvents.Any(e => e is HarvestCompleted c && c.RunId == run.RunId)
                ),
            TimeSpan.FromMinutes(1),
            $"a pushed view of run {run.RunId} completed, every partition done, its HarvestCompleted event, {posts} posts and {truth.Votes.Count} votes stored"
        );
        var done = feed.Current;
        Assert.True(done.Written.Posts >= posts, $"{done.Written.Posts} posts written seen, {posts} in the world");
        Assert.True(done.ItemsPerRequest >= 1, $"items per request {done.ItemsPerRequest}");
        var budget = Assert.Single(done.Budgets).Value;
        Assert.Equal("…" + simulator.DeveloperToken[^4..], budget.TokenHint);
        Assert.Equal(TimeSpan.Zero, HarvestEta.Estimate(done) ?? TimeSpan.Zero);
        Assert.True(pushed > 2, $"{pushed} views pushed");

        // Renewing (as the feed does every minute) keeps one subscription, and the feed still follows new runs.
        await feed.RenewAsync();
        await feed.RenewAsync();
        Assert.Single(await HarvestEvents.Get(cluster.Client).GetAllSubscriptionHandles());
        var next = await feed.Coordinator.StartIncremental();
        await Eventually.HoldsAsync(
            () =>
                Task.FromResult(
                    feed.Current.Status is { Phase: HarvestPhase.Completed } status && status.RunId == next.RunId
                ),
            TimeSpan.FromMinutes(1),
            $"a pushed view of the incremental run {next.RunId} completed"
        );
        Assert.All(
            feed.Current.Partitions.Keys,
            key => Assert.StartsWith($"run{next.RunId}/", key, StringComparison.Ordinal)
        );

        await feed.StopAsync(cancellation);
    }
}
