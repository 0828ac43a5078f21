using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using PHDB.Grains.Harvest;
using PHDB.Harvest.Tests.Engine;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Faults;

/// <summary>
/// The API failing every request for a while mid-harvest: the client's circuit opens, nothing is parked for an
/// outage (a request that fails as a whole counts against no partition), and the run goes on by itself when the API
/// answers again, ending equal to the truth.
/// </summary>
public sealed class ApiOutageTests(PostgresServer postgres)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_harvest_goes_on_by_itself_after_the_API_failed_every_request_for_20_seconds()
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

        await using var simulator = await HarvestCluster.StartWorldAsync(300, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("api_outage", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(
            database,
            simulator,
            settings: new Dictionary<string, string?>
            {
                ["ProductHunt:MaxRetries"] = "1",
                ["ProductHunt:BreakerMinimumThroughput"] = "2",
                ["ProductHunt:BreakerSamplingDuration"] = "00:00:02",
                ["ProductHunt:BreakerBreakDuration"] = "00:00:01",
                ["Harvest:ParkedRetryDelay"] = "00:00:01",
                ["Harvest:ParkedRetryMaxDelay"] = "00:00:04",
            }
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>("default");
        using var control = new HttpClient { BaseAddress = simulator.BaseAddress };

        await coordinator.StartFull();
        await Eventually.HoldsAsync(
            () => Task.FromResult(HarvestProbe.Requests(simulator) >= 5),
            TimeSpan.FromSeconds(30),
            "the harvest sent its first requests",
            TimeSpan.FromMilliseconds(20)
        );
        Assert.Equal(HarvestPhase.Running, (await coordinator.GetStatus()).Phase);

        await SetServerErrorRateAsync(control, 1.0, cancellation);
        var opensBefore = Volatile.Read(ref circuitOpened);
        await Task.Delay(Outage, cancellation);
        var opensDuring = Volatile.Read(ref circuitOpened) - opensBefore;
        var faulted = simulator.Stats.Read().Values.Sum(s => s.Faults);
        await SetServerErrorRateAsync(control, 0.0, cancellation);
        var recovery = Stopwatch.StartNew();

        Assert.True(opensDuring > 0, "the client's circuit opened during the outage");
        Assert.True(faulted > 0, "the simulator failed requests during the outage");
        Assert.Equal(HarvestPhase.Running, (await coordinator.GetStatus()).Phase);
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(2), "full harvest after the API outage");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{faulted} requests failed, circuit opened {opensDuring} time(s) in {Outage.TotalSeconds} s; "
                + $"the run completed {recovery.Elapsed.TotalSeconds:F1} s after the API came back"
        );
        Assert.Equal(0, (await coordinator.GetStatus()).Parked);
        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());
    }

    private static async Task SetServerErrorRateAsync(HttpClient control, double rate, CancellationToken cancellation)
    {
        using var response = await control.PutAsJsonAsync(
            new Uri("/_sim/faults", UriKind.Relative),
            new { serverErrorRate = rate },
            cancellation
        );
        response.EnsureSuccessStatusCode();
    }
}
