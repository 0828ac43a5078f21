using System.Diagnostics;
using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Harvest.Tests.Engine;
using PHDB.Harvest.Tests.Eta;
using PHDB.Harvest.Tests.Webhooks;
using PHDB.Simulator.Hosting;
using PHDB.Storage;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Faults;

/// <summary>
/// PostgreSQL stopped, frozen and cut mid-harvest on a server of the test's own: the run goes on by itself once the
/// database is back and ends equal to the simulator's truth, nothing parked for good; and the console's live view
/// (its feed, on a data source made as the console makes it) shows the finished run and the stored rows again, with
/// no problem left, without a restart.
/// </summary>
[Collection(nameof(DatabaseFaultTests))]
public sealed class DatabaseFaultTests(DedicatedPostgres postgres) : IClassFixture<DedicatedPostgres>
{
    private const int Scale = 100;

    [Fact]
    public async Task A_harvest_survives_postgres_stopped_for_20_seconds_and_started_again()
    {
        await HarvestThroughAsync(
            "postgres_stopped",
            async server =>
            {
                await server.StopAsync();
                await Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
                await server.StartAsync();
            }
        );
    }

    [Fact]
    public async Task A_harvest_survives_postgres_frozen_for_30_seconds()
    {
        await HarvestThroughAsync(
            "postgres_frozen",
            async server =>
            {
                await server.FreezeAsync();
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
                }
                finally
                {
                    await server.ThawAsync();
                }
            }
        );
    }

    [Fact]
    public async Task A_harvest_survives_every_connection_killed_again_and_again()
    {
        var killed = 0;
        await HarvestThroughAsync(
            "backends_terminated",
            async server =>
            {
                for (var round = 0; round < 5; round++)
                {
                    killed += await server.TerminateBackendsAsync(TestContext.Current.CancellationToken);
                    await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
                }
            }
        );
        Assert.True(killed > 0, "connections were terminated");
        TestContext.Current.TestOutputHelper?.WriteLine($"{killed} connections terminated in 5 rounds");
    }

    /// <summary>Runs a full harvest, applies <paramref name="fault"/> once it is under way, and checks the outcome.</summary>
    private async Task HarvestThroughAsync(string purpose, Func<PostgresServer, Task> fault)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var server = postgres.Server;
        await using var receiver = await WebhookReceiver.StartAsync(cancellation);
        await using var simulator = await HarvestCluster.StartWorldAsync(Scale, cancellation);
        var database = await server.CreateMigratedDatabaseAsync(purpose, cancellation);
        await using var cluster = await HarvestCluster.StartAsync(
            database,
            simulator,
            settings: new Dictionary<string, string?>
            {
                ["Events:Webhooks:0:Url"] = receiver.Url.ToString(),
                ["Events:Webhooks:0:Events:0"] = "*",
                ["Events:Webhooks:0:Secret"] = WebhookReceiver.Secret,
                ["Events:RetryBaseDelay"] = "00:00:00.100",
                ["Events:MaxBackoff"] = "00:00:01",
            }
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        await using var consoleData = PostgresConnectionResilience.CreateDataSource(database);
        using var feed = ConsoleFeed.Create(cluster.Client, consoleData, TimeSpan.FromMilliseconds(200));
        string? problemSeen = null;
        feed.Changed += view => problemSeen ??= view.Problem;
        await feed.StartAsync(cancellation);

        var run = await coordinator.StartFull();
        await UnderWayAsync(coordinator, simulator);
        var faultTime = Stopwatch.StartNew();
        await fault(server);
        faultTime.Stop();
        var recovery = Stopwatch.StartNew();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(5), $"full harvest through {purpose}");
        recovery.Stop();

        var status = await coordinator.GetStatus();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{purpose}: fault {faultTime.Elapsed.TotalSeconds:F1} s, run completed {recovery.Elapsed.TotalSeconds:F1} s after it, "
                + $"{HarvestProbe.Requests(simulator)} requests"
        );
        Assert.Equal(0, status.Parked);
        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());

        // Every event of the run reached the webhook subscriber, though its queue lives in the database.
        var expected = (await coordinator.GetPartitions())
            .Select(p => $"run/{run.RunId}/partition/{p.Key}/done")
            .Append($"run/{run.RunId}/completed")
            .ToHashSet(StringComparer.Ordinal);
        await Eventually.HoldsAsync(
            () => Task.FromResult(expected.IsSubsetOf(receiver.Accepted.Select(a => a.Id))),
            TimeSpan.FromSeconds(60),
            $"the webhook subscriber received all {expected.Count} events of the run"
        );

        var posts = await CountPostsAsync(database, cancellation);
        await Eventually.HoldsAsync(
            () =>
                Task.FromResult(
                    feed.Current is { Problem: null, Status.Phase: HarvestPhase.Completed } view
                        && view.Totals?.Posts == posts
                ),
            TimeSpan.FromSeconds(60),
            $"the console's view shows the completed run and its {posts} posts with no problem"
        );
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{purpose}: the console's view recovered; problem shown meanwhile: {problemSeen ?? "none"}"
        );
        await feed.StopAsync(CancellationToken.None);
    }

    private static async Task<long> CountPostsAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("select count(*) from posts", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Waits until the run has stored some pages and is still running, so the fault lands mid-harvest.</summary>
    private static async Task UnderWayAsync(IHarvestCoordinatorGrain coordinator, SimulatorHost simulator)
    {
        await Eventually.HoldsAsync(
            () => Task.FromResult(HarvestProbe.Requests(simulator) >= 5),
            TimeSpan.FromSeconds(30),
            "the harvest sent its first requests",
            TimeSpan.FromMilliseconds(20)
        );
        Assert.Equal(HarvestPhase.Running, (await coordinator.GetStatus()).Phase);
    }
}

/// <summary>Runs <see cref="DatabaseFaultTests"/> with no other test beside it: stopping and starting a server is slow on a busy machine.</summary>
[CollectionDefinition(nameof(DatabaseFaultTests), DisableParallelization = true)]
public sealed class DatabaseFaultIsolation;
