using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Engine;

public sealed class LeasingTests(PostgresServer postgres)
{
    [Fact]
    public async Task Partitions_with_pages_of_their_own_left_are_leased_before_those_with_only_nested_work_left()
    {
        // No workers: the test leases by hand.
        await using var cluster = await HandDrivenHarvest.StartAsync(
            postgres,
            "leasing",
            scale: 300,
            cancellationToken: TestContext.Current.CancellationToken
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        await coordinator.StartFull();
        var partitions = (await coordinator.GetPartitions()).Select(p => p.Key).ToList();
        Assert.True(partitions.Count > 6, $"a full run has more than 6 partitions ({partitions.Count})");

        var first = await coordinator.LeasePartitions("worker", 4);
        Assert.Equal(4, first.Count);
        var rootsRead = first.Take(2).ToList();
        await coordinator.ReturnLeases(
            "worker",
            first,
            [
                .. first.Select(key => new PartitionProgress(
                    key,
                    PartitionStatus.Running,
                    null,
                    1,
                    20,
                    PendingSubjects: 20,
                    0,
                    null,
                    DateTimeOffset.UtcNow,
                    RootExhausted: rootsRead.Contains(key)
                )),
            ]
        );

        var next = await coordinator.LeasePartitions("worker", partitions.Count);
        Assert.Equal(partitions.Count, next.Count);
        Assert.Equal(rootsRead, next.TakeLast(2));
        Assert.Empty(await coordinator.LeasePartitions("other worker", partitions.Count));
    }
}
