using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Engine;

public sealed class RestartHarvestTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_new_cluster_on_the_same_database_finishes_a_half_done_full_harvest_without_refetching_done_partitions()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var simulator = await HarvestCluster.StartWorldAsync(300, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("restart_harvest", cancellation);

        IReadOnlyList<PartitionProgress> done;
        long runId;
        var first = await HarvestCluster.StartAsync(database, simulator);
        try
        {
            var coordinator = first.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
            runId = (await coordinator.StartFull()).RunId;
            await Eventually.HoldsAsync(
                async () => (await coordinator.GetStatus()).Done >= 3,
                TimeSpan.FromSeconds(60),
                "some partitions of the full harvest are done"
            );
            done = [.. (await coordinator.GetPartitions()).Where(p => p.Status == PartitionStatus.Done)];
            var status = await coordinator.GetStatus();
            output?.WriteLine(
                $"stopping the cluster with {status.Done} of {status.Partitions} partitions done after "
                    + $"{HarvestProbe.Requests(simulator)} requests"
            );
            Assert.Equal(HarvestPhase.Running, status.Phase);
            Assert.True(status.Done < status.Partitions, "the cluster is stopped in the middle of the run");
        }
        finally
        {
            await first.StopAllSilosAsync(cancellation);
            await first.DisposeAsync();
        }

        var requests = HarvestProbe.Requests(simulator);
        await using var second = await HarvestCluster.StartAsync(database, simulator);
        var resumed = second.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        Assert.Equal(runId, (await resumed.GetStatus()).RunId);
        await HarvestProbe.CompletesAsync(resumed, TimeSpan.FromMinutes(1), "full harvest after the restart");
        output?.WriteLine($"the new cluster finished with {HarvestProbe.Requests(simulator) - requests} requests");

        var after = (await resumed.GetPartitions()).ToDictionary(p => p.Key, StringComparer.Ordinal);
        foreach (var partition in done)
        {
            Assert.Equal(PartitionStatus.Done, after[partition.Key].Status);
            Assert.True(
                partition.Pages == after[partition.Key].Pages,
                $"{partition.Key} was done before the restart with {partition.Pages} pages and now has "
                    + $"{after[partition.Key].Pages}: it was fetched again"
            );
        }

        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());
    }
}
