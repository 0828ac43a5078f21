using System.Diagnostics;
using System.Diagnostics.Metrics;
using PHDB.Grains.Harvest;
using PHDB.Harvest.Tests.Engine;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Faults;

/// <summary>
/// The API failing every request for a while mid-harvest: the client's circuit opens, nothing is parked for an
/// outage (a request that fails as a whole counts against no partition), and the run goes on by itself when the API
/// answers again, ending equal to the truth. In CI the outage lasts 20 s with the client's timings made small;
/// <c>benchmarks/reliability/api-outage.sh</c> runs it for 5 minutes with production timings
/// (<c>PHDB_API_OUTAGE_SECONDS</c>, <c>PHDB_API_OUTAGE_PRODUCTION_TIMINGS=1</c>).
/// </summary>
public sealed class ApiOutageTests(PostgresServer postgres)
{
    private const int Scale = 100;

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(
        int.Parse(
            Environment.GetEnvironmentVariable("PHDB_API_OUTAGE_SECONDS") ?? "20",
            System.Globalization.CultureInfo.InvariantCulture
        )
    );

    private static readonly bool ProductionTimings =
        Environment.GetEnvironmentVariable("PHDB_API_OUTAGE_PRODUCTION_TIMINGS") == "1";

    /// <summary>The client's and the harvest's timings: small for CI, or the production defaults.</summary>
    private static Dictionary<string, string?> Timings() =>
        ProductionTimings
            ? new()
            {
                ["ProductHunt:RetryBaseDelay"] = "00:00:01",
                ["ProductHunt:AttemptTimeout"] = "00:00:30",
                ["Harvest:Worker:IdleDelay"] = "00:00:01",
                ["Harvest:Worker:ErrorDelay"] = "00:00:05",
                ["Harvest:LeaseDuration"] = "00:01:00",
            }
            : new()
            {
                ["ProductHunt:MaxRetries"] = "1",
                ["ProductHunt:BreakerMinimumThroughput"] = "2",
                ["ProductHunt:BreakerSamplingDuration"] = "00:00:02",
                ["ProductHunt:BreakerBreakDuration"] = "00:00:01",
                ["Harvest:ParkedRetryDelay"] = "00:00:01",
                ["Harvest:ParkedRetryMaxDelay"] = "00:00:04",
            };

    [Fact]
    public async Task A_harvest_goes_on_by_itself_after_the_API_failed_every_request_for_a_while()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var circuitOpened = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "phdb.producthunt.circuit.transitions")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>(
            (_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "state", Value: "open" })
                    {
                        Interlocked.Increment(ref circuitOpened);
                    }
                }
            }
        );
        listener.Start();

        await using var simulator = await HarvestCluster.StartWorldAsync(Scale, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("api_outage", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(database, simulator, settings: Timings());
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        using var control = new HttpClient { BaseAddress = simulator.BaseAddress };

        await coordinator.StartFull();
        await Eventually.HoldsAsync(
            () => Task.FromResult(HarvestProbe.Requests(simulator) >= 5),
            TimeSpan.FromSeconds(30),
            "the harvest sent its first requests",
            TimeSpan.FromMilliseconds(20)
        );
        Assert.Equal(HarvestPhase.Running, (await coordinator.GetStatus()).Phase);

        await control.SetServerErrorRateAsync(1.0, cancellation);
        var opensBefore = Volatile.Read(ref circuitOpened);
        await Task.Delay(Outage, cancellation);
        var opensDuring = Volatile.Read(ref circuitOpened) - opensBefore;
        var faulted = simulator.Stats.Read().Values.Sum(s => s.Faults);
        await control.SetServerErrorRateAsync(0.0, cancellation);
        var recovery = Stopwatch.StartNew();

        Assert.True(opensDuring > 0, "the client's circuit opened during the outage");
        Assert.True(faulted > 0, "the simulator failed requests during the outage");
        Assert.Equal(HarvestPhase.Running, (await coordinator.GetStatus()).Phase);
        await HarvestProbe.CompletesAsync(
            coordinator,
            TimeSpan.FromMinutes(ProductionTimings ? 10 : 5),
            "full harvest after the API outage"
        );
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{faulted} requests failed, circuit opened {opensDuring} time(s) in {Outage.TotalSeconds} s; "
                + $"the run completed {recovery.Elapsed.TotalSeconds:F1} s after the API came back"
        );
        Assert.Equal(0, (await coordinator.GetStatus()).Parked);
        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());
    }
}
