using System.Diagnostics;
using PHDB.Grains.Harvest;
using PHDB.Simulator.Hosting;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Engine;

public sealed class FaultyHarvestTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_full_harvest_through_server_errors_timeouts_and_broken_pages_still_equals_the_truth()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var simulator = await SimulatorHost.StartAsync(
            o =>
            {
                o.Scale = 300;
                o.Clock.Speed = 0;
                o.RateLimit.Points = 100_000_000;
                o.Faults.ServerErrorRate = 0.10;
                o.Faults.TimeoutRate = 0.02;
                o.Faults.TimeoutMilliseconds = 3_000;
                o.Faults.TruncateRate = 0.03;
                o.Faults.MalformedRate = 0.03;
                o.Faults.GraphQLErrorRate = 0.02;
            },
            cancellationToken: cancellation
        );
        var database = await postgres.CreateMigratedDatabaseAsync("faulty_harvest", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(
            database,
            simulator,
            settings: new Dictionary<string, string?>
            {
                // A held request is abandoned by the client (and retried) well before the simulator answers 504.
                ["ProductHunt:AttemptTimeout"] = "00:00:01.500",
            }
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);

        var clock = Stopwatch.StartNew();
        await coordinator.StartFull();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(2), "full harvest with faults");

        var faults = simulator.Stats.Read().Values.Sum(s => s.Faults);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{HarvestProbe.Requests(simulator)} requests, {faults} faults, {clock.Elapsed.TotalSeconds:F1} s"
        );
        Assert.True(faults > 0, "the simulator injected faults");
        Assert.Equal(0, (await coordinator.GetStatus()).Parked);
        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());
    }
}
