using System.Collections.Concurrent;
using Orleans.Streams;
using PHDB.Grains;
using PHDB.Grains.Harvest;
using PHDB.Grains.Harvest.Events;
using PHDB.Grains.RateBudgets;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>What the grains push for the console: status, partitions, budgets, cluster changes; and the schedule.</summary>
public sealed class LiveStateTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_harvest_pushes_its_status_every_partition_and_the_budget_with_only_the_tokens_last_characters()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var simulator = await HarvestCluster.StartWorldAsync(300, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("live_state", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(database, simulator);
        var events = new ConcurrentQueue<HarvestEvent>();
        var subscription = await HarvestEvents
            .Get(cluster.Client)
            .SubscribeAsync(
                (e, _) =>
                {
                    events.Enqueue(e);
                    return Task.CompletedTask;
                }
            );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);

        var run = await coordinator.StartFull();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(1), "full harvest");
        var partitions = await coordinator.GetPartitions();

        // The last status pushed is the completed run; partitions pushed cover every partition, each finally done.
        await Eventually.HoldsAsync(
            () =>
                Task.FromResult(
                    events.OfType<HarvestStatusChanged>().LastOrDefault()?.Status
                        is { Phase: HarvestPhase.Completed } status
                        && status.RunId == run.RunId
                ),
            TimeSpan.FromSeconds(10),
            "a HarvestStatusChanged event with the completed run"
        );
        Assert.Contains(events.OfType<HarvestStatusChanged>(), e => e.Status.Phase == HarvestPhase.Running);
        await Eventually.HoldsAsync(
            () =>
            {
                var last = events
                    .OfType<PartitionsChanged>()
                    .Where(e => e.RunId == run.RunId)
                    .SelectMany(e => e.Partitions)
                    .GroupBy(p => p.Key)
                    .ToDictionary(g => g.Key, g => g.Last().Status);
                return Task.FromResult(
                    partitions.All(p => last.GetValueOrDefault(p.Key, PartitionStatus.Pending) == PartitionStatus.Done)
                );
            },
            TimeSpan.FromSeconds(10),
            "PartitionsChanged events that end with every partition done"
        );

        // The budget is pushed and listed; the console sees only the token's last four characters.
        var applications = await cluster.Client.GetGrain<IRateBudgetDirectoryGrain>(0).GetApplications();
        var application = Assert.Single(applications);
        await Eventually.HoldsAsync(
            () => Task.FromResult(events.OfType<RateBudgetChanged>().Any(e => e.Application == application)),
            TimeSpan.FromSeconds(10),
            "a RateBudgetChanged event for the application"
        );
        var budget = events.OfType<RateBudgetChanged>().Last(e => e.Application == application).Status;
        Assert.Equal("…" + simulator.DeveloperToken[^4..], budget.TokenHint);
        Assert.True(budget.CostPerRequest > 0 && budget.WindowLength > TimeSpan.Zero, budget.ToString());
        Assert.DoesNotContain(events, e => e.ToString().Contains(simulator.DeveloperToken, StringComparison.Ordinal));

        await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task The_schedule_is_validated_kept_and_reported_and_zero_turns_it_off()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var simulator = await HarvestCluster.StartWorldAsync(20, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("live_schedule", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(
            database,
            simulator,
            silos: 1,
            new Dictionary<string, string?> { ["Harvest:IncrementalInterval"] = "00:15:00" }
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        Assert.Equal(
            new HarvestSchedule(TimeSpan.FromMinutes(15), TimeSpan.FromHours(2)),
            await coordinator.GetSchedule()
        );

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            coordinator.SetSchedule(new HarvestSchedule(TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)))
        );
        Assert.Contains("interval", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            coordinator.SetSchedule(new HarvestSchedule(TimeSpan.FromMinutes(5), TimeSpan.FromDays(31)))
        );

        var schedule = new HarvestSchedule(TimeSpan.FromMinutes(5), TimeSpan.FromHours(6));
        Assert.Equal(schedule, await coordinator.SetSchedule(schedule));
        await coordinator.StartFull();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(1), "full harvest");
        var status = await coordinator.GetStatus();
        Assert.Equal(schedule, status.Schedule);
        Assert.Equal(status.FinishedAt + TimeSpan.FromMinutes(5), status.NextIncrementalAt);

        // The schedule is state: a new activation of the coordinator keeps it.
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, cancellation);
        Assert.Equal(schedule, await coordinator.GetSchedule());

        var off = await coordinator.SetSchedule(schedule with { IncrementalInterval = TimeSpan.Zero });
        Assert.Equal(TimeSpan.Zero, off.IncrementalInterval);
        Assert.Null((await coordinator.GetStatus()).NextIncrementalAt);
    }

    [Fact]
    public async Task The_cluster_watch_pushes_a_silo_loss_to_its_observer()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var simulator = await HarvestCluster.StartWorldAsync(20, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("live_cluster", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(database, simulator);
        var observer = new RecordingClusterObserver();
        var reference = cluster.Client.CreateObjectReference<IClusterObserver>(observer);
        var watch = cluster.Client.GetGrain<IClusterWatchGrain>(0);

        var first = await watch.Subscribe(reference);
        Assert.Equal(2, first.ActiveSilos);
        var survivor = cluster.Silos[0];
        await cluster.StopSiloAsync(cluster.Silos[1], cancellation);

        await Eventually.HoldsAsync(
            async () =>
            {
                // Renew as the console does: after the watch grain's silo died, this re-subscribes.
                await watch.Subscribe(reference);
                return observer.Snapshots.LastOrDefault() is { ActiveSilos: 1 };
            },
            TimeSpan.FromSeconds(30),
            "a pushed snapshot with 1 active silo after the other was stopped"
        );
        Assert.Contains(
            survivor.SiloAddress.ToParsableString(),
            observer.Snapshots.Last().Silos.Select(s => s.Address)
        );
        await watch.Unsubscribe(reference);
        cluster.Client.DeleteObjectReference<IClusterObserver>(reference);
    }

    private sealed class RecordingClusterObserver : IClusterObserver
    {
        public ConcurrentQueue<ClusterSnapshot> Snapshots { get; } = new();

        public void ClusterChanged(ClusterSnapshot snapshot) => Snapshots.Enqueue(snapshot);
    }
}
