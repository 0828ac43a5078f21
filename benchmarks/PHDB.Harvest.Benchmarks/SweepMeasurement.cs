using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Control;
using PHDB.Simulator.Hosting;
using PHDB.Testing;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Benchmarks;

/// <summary>
/// What one daily sweep of the whole history costs: an in-process simulator with the rate limit out of the way, a
/// fresh migrated database and the benchmark's production-configured cluster with both sweep intervals at zero. A full
/// harvest to completion, compared with the truth; then the simulator's clock moves on and one incremental run (its
/// checks, the refresh, the catalogues and the sweep of posts and comments) runs to completion, counted and compared
/// with the truth again.
/// </summary>
internal static class SweepMeasurement
{
    private static readonly BenchmarkApplication Application = new("Sweep", "sweep-token", 1_000_000_000);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);

    /// <summary>A sample that takes longer means the cluster or the database is gone: the run fails.</summary>
    private static readonly TimeSpan SampleTimeout = TimeSpan.FromSeconds(60);

    public static async Task<SweepOutcome> RunAsync(SweepOptions options)
    {
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Sweep: world of {options.Scale:N0} posts; complexity cap {options.Cap:N0}; rate limit out of the way; {options.Silos} silos × {options.Workers} workers; clock advanced {options.Days} day(s) before the incremental run; {Environment.ProcessorCount} cores"
            )
        );
        await using var simulator = await BenchmarkWorld.StartAsync(
            options.Scale,
            options.Cap,
            BenchmarkOptions.LiveLikeLimits(RequestCostModel.Flat, SweepOptions.WindowSeconds),
            [Application]
        );

        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            var database = await postgres.CreateMigratedDatabaseAsync("harvest_bench_sweep", CancellationToken.None);
            var settings = HarvestSettings.Unthrottled(
                options.Workers,
                TimeSpan.FromSeconds(SweepOptions.WindowSeconds)
            );
            // The silos' clock moves seconds while the simulator's moves days: sweep, with comments, on every run.
            settings["Harvest:SweepInterval"] = "00:00:00";
            settings["Harvest:SweepCommentsInterval"] = "00:00:00";
            await using var cluster = await BenchmarkCluster.StartAsync(
                database,
                simulator.BaseAddress,
                Application.Token,
                options.Silos,
                settings
            );
            await using var data = NpgsqlDataSource.Create(database);
            var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
            var counters = simulator.Stats.For(Application.Name);

            var (full, posts, change, after) = await FullHarvestThenAdvanceAsync(
                simulator,
                coordinator,
                counters,
                data,
                database,
                options
            );
            Console.WriteLine(Line($"Clock advanced {options.Days} day(s); incremental run with the sweep…"));
            var incremental = await RunAsync(
                "incremental run",
                coordinator.StartIncremental,
                coordinator,
                counters,
                data,
                database,
                after,
                options.Timeout
            );
            return new SweepOutcome(posts, full, change, incremental);
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    /// <summary>
    /// The full harvest, compared with the truth, then the simulator's clock moved on: what the world did meanwhile,
    /// and its truth after (the truth before is not kept: a large world's is large).
    /// </summary>
    private static async Task<(
        RunReading Full,
        int Posts,
        WorldChange Change,
        SimulatorTruth After
    )> FullHarvestThenAdvanceAsync(
        SimulatorHost simulator,
        IHarvestCoordinatorGrain coordinator,
        ApplicationCounters counters,
        NpgsqlDataSource data,
        string database,
        SweepOptions options
    )
    {
        Console.WriteLine("Full harvest…");
        var before = await SimulatorTruth.LoadAsync(simulator.BaseAddress, CancellationToken.None);
        var full = await RunAsync(
            "full harvest",
            coordinator.StartFull,
            coordinator,
            counters,
            data,
            database,
            before,
            options.Timeout
        );
        Console.WriteLine(Line($"  full harvest completed in {full.Wall.TotalSeconds:N1} s: {Truth(full.Truth)}"));

        simulator.Clock.Advance((long)TimeSpan.FromDays(options.Days).TotalSeconds);
        var after = await SimulatorTruth.LoadAsync(simulator.BaseAddress, CancellationToken.None);
        return (full, before.Posts.Count, WorldChange.Between(before, after), after);
    }

    private static async Task<RunReading> RunAsync(
        string name,
        Func<Task<HarvestStatus>> start,
        IHarvestCoordinatorGrain coordinator,
        ApplicationCounters counters,
        NpgsqlDataSource data,
        string database,
        SimulatorTruth truth,
        TimeSpan timeout
    )
    {
        var before = counters.Read();
        var complexityBefore = counters.ComplexityByConnection();
        var watch = Stopwatch.StartNew();
        var runId = (await start()).RunId;
        var progressAt = ProgressEvery;
        HarvestStatus status;
        while (true)
        {
            await Task.Delay(SampleEvery);
            status = await coordinator.GetStatus().WaitAsync(SampleTimeout);
            if (status.RunId == runId && status.Phase == HarvestPhase.Completed)
            {
                break;
            }

            if (watch.Elapsed >= progressAt)
            {
                progressAt += ProgressEvery;
                var posts = await HarvestedRows.PostsAsync(data).WaitAsync(SampleTimeout);
                var now = counters.Read();
                Console.WriteLine(
                    Line(
                        $"  {watch.Elapsed.TotalSeconds, 6:0} s  {name}: {posts:N0} posts stored, {now.Requests - before.Requests:N0} requests, {now.RateLimited - before.RateLimited} × 429, partitions {status.Done}/{status.Partitions} done, {status.Parked} parked"
                    )
                );
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"The {name} did not complete within {timeout}: {status}");
            }
        }

        var wall = watch.Elapsed;
        var after = counters.Read();
        var complexity = ConnectionComplexity.Since(counters, complexityBefore);
        var partitions = await coordinator.GetPartitions();
        var report = await TruthComparison.CompareAsync(
            truth,
            database,
            // The token shows its application's owner alone.
            new TruthComparisonOptions { DisclosedUserIds = [truth.ApplicationOwnerIds[0]] },
            CancellationToken.None
        );
        return new RunReading(
            runId,
            wall,
            after.Requests - before.Requests,
            after.RateLimited - before.RateLimited,
            complexity,
            partitions,
            status.Parked,
            report
        );
    }

    private static string Truth(TruthReport report) =>
        report.IsExactMatch ? Line($"exact in all {report.Sets.Count} sets") : "differs\n" + report;

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
