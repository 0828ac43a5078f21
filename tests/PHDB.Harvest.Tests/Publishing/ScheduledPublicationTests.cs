using PHDB.Grains.Harvest;
using PHDB.Grains.Publishing;
using PHDB.Harvest.Tests.Engine;
using PHDB.Kaggle.StandIn;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Publishing;

public sealed class ScheduledPublicationTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_due_release_is_published_after_the_next_completed_incremental_run_and_not_after_a_full_one()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var account = PublishingCluster.Account();
        await using var kaggle = await KaggleStandIn.StartAsync(account, cancellation);
        using var exports = new TemporaryDirectory("phdb-scheduled-");
        await using var simulator = await HarvestCluster.StartWorldAsync(60, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("scheduled_publication", cancellation);
        var settings = PublishingCluster.Settings(kaggle, account, exports);
        // Due one minute after the publisher first wakes: the full harvest below takes longer than that.
        settings["Publishing:Interval"] = "00:01:00";
        await using var cluster = await HarvestCluster.StartAsync(database, simulator, silos: 1, settings: settings);
        var publisher = cluster.Client.GetGrain<IPublicationGrain>(PublicationStatus.Key);
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);

        var before = await publisher.GetStatus();
        Assert.Equal(TimeSpan.FromMinutes(1), before.Interval);
        Assert.NotNull(before.NextDue);
        Assert.False(before.Running);

        await coordinator.StartFull();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(2), "full harvest");
        // Wait until the release is due: a full run never publishes it, even when due.
        await Eventually.HoldsAsync(
            async () => (await publisher.GetStatus()).Due,
            TimeSpan.FromMinutes(2),
            "the scheduled release fell due"
        );
        Assert.Empty(kaggle.Datasets);

        await coordinator.StartIncremental();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(1), "incremental harvest");
        await Eventually.HoldsAsync(
            async () => kaggle.Datasets.Count == 1 && !(await publisher.GetStatus()).Running,
            TimeSpan.FromMinutes(2),
            "the publisher created the dataset after the incremental run"
        );
        var status = await publisher.GetStatus();
        Assert.Null(status.LastError);
        Assert.False(status.Due);
        Assert.Equal("schedule", status.Origin);
        // The end is recorded, not only known to this activation: a fresh activation does not resume it.
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, cancellation);
        var reactivated = await publisher.GetStatus();
        Assert.False(reactivated.Running, "a new activation found the finished publication still running");
        Assert.Null(reactivated.LastError);
        var dataset = Assert.Single(kaggle.Datasets);
        Assert.Single(dataset.Versions);
        Assert.Contains(dataset.Versions[0].Files, f => f.Name == "posts.csv");
    }
}
