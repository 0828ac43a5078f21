using Orleans.Streams;
using PHDB.Grains.Harvest;
using PHDB.Grains.Harvest.Events;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Engine;

public sealed class FullHarvestTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_full_harvest_stores_every_post_comment_and_vote_of_the_world()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var simulator = await HarvestCluster.StartWorldAsync(300, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("full_harvest", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(database, simulator);
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        var events = new System.Collections.Concurrent.ConcurrentQueue<HarvestEvent>();
        var subscription = await HarvestEvents
            .Get(cluster.Client)
            .SubscribeAsync(
                (e, _) =>
                {
                    events.Enqueue(e);
                    return Task.CompletedTask;
                }
            );

        await coordinator.StartFull();
        await Eventually.HoldsAsync(
            async () => (await coordinator.GetStatus()).Phase == HarvestPhase.Completed,
            TimeSpan.FromMinutes(3),
            "the full harvest completed",
            TimeSpan.FromMilliseconds(500)
        );

        Assert.Equal(0, (await coordinator.GetStatus()).Parked);
        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());
        await Eventually.HoldsAsync(
            () => Task.FromResult(events.OfType<PostsSynced>().Sum(e => e.Posts) >= report.Posts.TruthCount),
            TimeSpan.FromSeconds(10),
            "PostsSynced events for every post reached a subscriber of the harvest event stream"
        );
        await Eventually.HoldsAsync(
            () => Task.FromResult(events.OfType<HarvestCompleted>().Any()),
            TimeSpan.FromSeconds(10),
            "a HarvestCompleted event reached the subscriber"
        );
        var status = await coordinator.GetStatus();
        Assert.Equal(status.RunId, events.OfType<HarvestCompleted>().Single().RunId);
        Assert.Equal(
            status.Partitions,
            events.OfType<PartitionCompleted>().Select(e => e.Partition).Distinct().Count()
        );
        await subscription.UnsubscribeAsync();

        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync(cancellation);
        await using var anyTopic = new Npgsql.NpgsqlCommand(
            "SELECT id, followers_count FROM topics ORDER BY id LIMIT 1",
            connection
        );
        await using var reader = await anyTopic.ExecuteReaderAsync(cancellation);
        Assert.True(await reader.ReadAsync(cancellation));
        var freshness = await cluster.Client.GetGrain<ITopicGrain>(reader.GetInt64(0)).GetFreshness();
        Assert.NotNull(freshness.RefreshedAt);
        Assert.Equal(reader.GetInt32(1), freshness.FollowersCount);
    }
}
