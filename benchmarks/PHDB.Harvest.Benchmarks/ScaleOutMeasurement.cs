using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;
using PHDB.Testing;

namespace PHDB.Harvest.Benchmarks;

/// <summary>
/// Throughput of a full harvest's first minutes with 1, 2, 4 silos (in one process) against 1, 2, 4 tokens, each
/// token its own application of the simulator with its own small budget: requests served and rows stored per second
/// over a slice after a warm-up, the machine's busy share over it, each on a fresh database.
/// </summary>
internal static class ScaleOutMeasurement
{
    public static async Task<IReadOnlyList<ScaleOutReading>> RunAsync(ScaleOutOptions options)
    {
        var tokens = Enumerable.Range(1, options.MostTokens).Select(i => $"scale-out-token-{i}").ToList();
        await using var simulator = await BenchmarkWorld.StartAsync(
            options.Scale,
            null,
            new RateLimitOptions
            {
                Points = options.Points,
                CostPerRequest = ScaleOutOptions.CostPerRequest,
                CostModel = RequestCostModel.Flat,
                WindowSeconds = options.WindowSeconds,
            },
            tokens.Select((token, i) => new BenchmarkApplication($"Token{i + 1}", token, options.Points))
        );

        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var readings = new List<ScaleOutReading>();
        try
        {
            foreach (var silos in options.Silos)
            {
                foreach (var count in options.Tokens)
                {
                    var reading = await MeasureAsync(simulator, postgres, options, silos, tokens.Take(count).ToList());
                    readings.Add(reading);
                    Console.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"  {silos} silo(s) × {count} token(s): {reading.RequestsPerSecond:F1} requests/s, {reading.RowsPerSecond:N0} rows/s, {reading.RateLimited} × 429, machine {reading.MachineBusy:P0} busy"
                        )
                    );
                }
            }
        }
        finally
        {
            await postgres.DisposeAsync();
        }

        return readings;
    }

    private static async Task<ScaleOutReading> MeasureAsync(
        SimulatorHost simulator,
        PostgresServer postgres,
        ScaleOutOptions options,
        int silos,
        List<string> tokens
    )
    {
        var database = await postgres.CreateMigratedDatabaseAsync(
            $"scale_out_{silos}_{tokens.Count}",
            CancellationToken.None
        );
        var settings = HarvestSettings.Throttled(
            options.Workers,
            TimeSpan.FromSeconds(options.WindowSeconds),
            options.Points,
            ScaleOutOptions.CostPerRequest
        );
        for (var i = 1; i < tokens.Count; i++)
        {
            settings[$"ProductHunt:AdditionalTokens:{i - 1}"] = tokens[i];
        }

        await using var cluster = await BenchmarkCluster.StartAsync(
            database,
            simulator.BaseAddress,
            tokens[0],
            (short)silos,
            settings
        );
        await using var data = NpgsqlDataSource.Create(database);
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>("default");
        var applications = Enumerable.Range(1, tokens.Count).Select(i => simulator.Stats.For($"Token{i}")).ToList();

        await coordinator.StartFull();
        await Task.Delay(TimeSpan.FromSeconds(options.Warmup));
        var requestsBefore = applications.Sum(a => a.Read().Requests);
        var limitedBefore = applications.Sum(a => a.Read().RateLimited);
        var rowsBefore = (await HarvestedRows.AllAsync(data)).Values.Sum();
        var cpuBefore = MachineCpu.Read();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.Slice));
        var seconds = clock.Elapsed.TotalSeconds;
        var busy = MachineCpu.Read().BusySince(cpuBefore);
        var requests = applications.Sum(a => a.Read().Requests) - requestsBefore;
        var limited = applications.Sum(a => a.Read().RateLimited) - limitedBefore;
        var rows = (await HarvestedRows.AllAsync(data)).Values.Sum() - rowsBefore;
        var status = await coordinator.GetStatus();
        if (status.Phase == HarvestPhase.Completed)
        {
            throw new InvalidOperationException(
                "The harvest completed within the slice: use a larger --scale so that every slice measures a running harvest."
            );
        }

        await coordinator.CancelRun();
        return new ScaleOutReading(silos, tokens.Count, requests / seconds, rows / seconds, limited, busy);
    }
}

/// <summary>One measured slice.</summary>
/// <param name="Silos">Silos in the cluster.</param>
/// <param name="Tokens">Tokens (applications) harvested with.</param>
/// <param name="RequestsPerSecond">Requests the simulator served, per second of the slice.</param>
/// <param name="RowsPerSecond">Rows stored per second of the slice (posts, comments, votes, topics, collections, links).</param>
/// <param name="RateLimited">429 answers in the slice.</param>
/// <param name="MachineBusy">The machine's busy share over the slice (every process).</param>
internal sealed record ScaleOutReading(
    int Silos,
    int Tokens,
    double RequestsPerSecond,
    double RowsPerSecond,
    long RateLimited,
    double MachineBusy
);
