using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Storage;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Faults;

/// <summary>
/// A partition parked after failures in a row is retried by itself, with no operator's resume, and the park, the
/// retry and the reason stay in the run's history. The test plays the worker (the silos' own are off) so the park is
/// exact.
/// </summary>
public sealed class ParkedPartitionRetryTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_parked_partition_is_retried_by_itself_and_the_run_keeps_the_park_and_its_reason()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var cluster = await HandDrivenHarvest.StartAsync(
            postgres,
            "parked_retry",
            new Dictionary<string, string?>
            {
                ["Harvest:MaxConsecutiveFailures"] = "2",
                ["Harvest:ParkedRetryDelay"] = "00:00:01",
                ["Harvest:ParkedRetryMaxDelay"] = "00:00:02",
            },
            scale: 20,
            cancellationToken: cancellation
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        await coordinator.StartFull();

        var key = Assert.Single(await coordinator.LeasePartitions("probe", 1));
        var partition = cluster.Client.GetGrain<ICrawlPartitionGrain>(key);
        var ticket = Assert.Single(await partition.TakeWork(1));
        var failure = new TaskOutcome(ticket.Task, ticket.Task.After, 0, [], "the API answered a broken page");
        var parked = await partition.Complete([failure, failure]);
        Assert.Equal(PartitionStatus.Parked, parked.Status);
        await coordinator.ReturnLeases("probe", [key], [parked]);
        Assert.Equal(1, (await coordinator.GetStatus()).Parked);

        await Eventually.HoldsAsync(
            async () => (await partition.GetProgress()).Status != PartitionStatus.Parked,
            TimeSpan.FromSeconds(15),
            "the parked partition was retried by itself",
            TimeSpan.FromMilliseconds(100)
        );
        var retried = await partition.GetProgress();
        Assert.Equal(0, retried.ConsecutiveFailures);
        Assert.Contains("the API answered a broken page", retried.LastError, StringComparison.Ordinal);
        Assert.Equal(0, (await coordinator.GetStatus()).Parked);
        Assert.Contains(key, await LeaseAllAsync(coordinator));

        await coordinator.CancelRun();
        await using var dataSource = NpgsqlDataSource.Create(cluster.Database);
        var run = (await new HarvestBookkeeping(dataSource).GetRunsAsync(1, cancellation))[0];
        Assert.Equal(1, run.Counts["parks"]);
        Assert.Equal(1, run.Counts["park_retries"]);
    }

    /// <summary>Every partition the coordinator hands out now.</summary>
    private static async Task<IReadOnlyList<string>> LeaseAllAsync(IHarvestCoordinatorGrain coordinator) =>
        await coordinator.LeasePartitions("probe-2", HarvestWorkerOptions.MaxPartitionsPerLease);
}
