using Npgsql;
using Orleans.TestingHost;
using PHDB.Grains.Harvest;
using PHDB.Grains.Publishing;
using PHDB.Harvest.Tests.Engine;
using PHDB.Kaggle.StandIn;
using PHDB.Publishing;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Publishing;

public sealed class PublicationFailoverTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_silo_killed_while_kaggle_creates_the_version_leaves_exactly_one_new_version()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var account = PublishingCluster.Account();
        await using var kaggle = await KaggleStandIn.StartAsync(account, cancellation);
        using var exports = new TemporaryDirectory("phdb-failover-");
        await using var simulator = await HarvestCluster.StartWorldAsync(60, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("publication_failover", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(
            database,
            simulator,
            silos: 2,
            settings: PublishingCluster.Settings(kaggle, account, exports)
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        await coordinator.StartFull();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(2), "full harvest");
        var publisher = cluster.Client.GetGrain<IPublicationGrain>(PublicationStatus.Key);

        // Version 1, undisturbed.
        await publisher.PublishNow(dryRun: false, "console");
        await Eventually.HoldsAsync(
            async () => !(await publisher.GetStatus()).Running,
            TimeSpan.FromMinutes(2),
            "the first publication ended"
        );
        Assert.Null((await publisher.GetStatus()).LastError);
        Assert.Single(Assert.Single(kaggle.Datasets).Versions);

        // Version 2: Kaggle creates it, then holds the answer; the silo running the publication dies meanwhile.
        kaggle.Faults.CreateAnswerDelay = TimeSpan.FromMinutes(5);
        var running = await publisher.PublishNow(dryRun: false, "console");
        Assert.True(running.Running);
        await Eventually.HoldsAsync(
            () => Task.FromResult(kaggle.Find(account.Username, "product-hunt-phdb")!.Versions.Count == 2),
            TimeSpan.FromMinutes(2),
            "the stand-in created version 2 and holds its answer"
        );
        var victim = Victim(cluster, running.Silo);
        await cluster.KillSiloAsync(victim, cancellation);
        kaggle.Faults.CreateAnswerDelay = TimeSpan.Zero;

        // The next call activates the publisher on the surviving silo, which resumes the publication.
        await Eventually.HoldsAsync(
            async () => !(await publisher.GetStatus()).Running,
            TimeSpan.FromMinutes(3),
            "the publication was resumed (or marked failed) on the surviving silo",
            TimeSpan.FromMilliseconds(500)
        );
        var dataset = kaggle.Find(account.Username, "product-hunt-phdb")!;
        Assert.Equal(2, dataset.Versions.Count);
        // The surviving silo found version 2 at Kaggle and recorded it: resumed, not created again.
        await using (var data = NpgsqlDataSource.Create(database))
        {
            var history = new PublicationHistory(data, TimeProvider.System);
            var second = (await history.ListAsync(10, cancellation)).Single(r => r.ExpectedVersion == 2);
            Assert.Equal(PublicationOutcome.Succeeded, second.Outcome);
            Assert.Equal(2, second.Version);
        }

        // And the next publication is version 3: nothing was left half-done.
        await publisher.PublishNow(dryRun: false, "console");
        await Eventually.HoldsAsync(
            async () => !(await publisher.GetStatus()).Running,
            TimeSpan.FromMinutes(2),
            "the third publication ended"
        );
        Assert.Null((await publisher.GetStatus()).LastError);
        Assert.Equal(3, kaggle.Find(account.Username, "product-hunt-phdb")!.Versions.Count);
    }

    private static SiloHandle Victim(TestCluster cluster, string? silo)
    {
        Assert.NotNull(silo);
        return cluster.Silos.Single(s =>
            silo.Contains(s.SiloAddress.ToString(), StringComparison.Ordinal)
            || s.SiloAddress.ToString().Contains(silo, StringComparison.Ordinal)
        );
    }
}
