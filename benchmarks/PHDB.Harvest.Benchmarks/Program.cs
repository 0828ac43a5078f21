using System.Globalization;
using PHDB.Harvest.Benchmarks;
using PHDB.Simulator.Configuration;
using PHDB.Testing;
using PHDB.Testing.Truth;

// Full harvest benchmark, in one run on one machine, against one in-process simulator with live-like limits on an
// accelerated window (6,250 points, 100 per request) and a throwaway PostgreSQL server:
//   1. the original tool's pattern (one 20-post page per request, 2 s of a 15-minute window apart) for a few windows;
//   2. PHDB's full harvest of the whole world on an Orleans cluster (posts, topics, collections, comments, votes);
//   3. the same full harvest with the rate limit out of the way.
// Each has its own application (own budget and counters) in the simulator and its own database.
// Usage: dotnet run -c Release --project benchmarks/PHDB.Harvest.Benchmarks -- [--scale 50000] [--window 3]
//        [--original-windows 3] [--silos 2] [--workers 4] [--only original,throttled,unthrottled] [--timeout 60]
//        [--cap 1000] [--until posts] [--cost-model Flat|Complexity|FlatOrComplexity]
//        memory [--scale 1000000] [--mark 100000] [--workers 4] [--cap 10000] [--timeout 90] [--silo PHDB.Silo.dll]
//        (the posts phase by one silo process, its resident memory at each mark)
//        scale-out [--scale 10000] [--window 1] [--points 800] [--workers 4] [--warmup 10] [--slice 40]
//        [--silos 1,2,4] [--tokens 1,2,4] (throughput of each silos × tokens cell, each token its own budget)
//        sweep [--scale 50000] [--days 1] [--cap 1000] [--timeout 60] [--silos 2] [--workers 4] (a full harvest, the
//        clock moved on, then one incremental run with the sweep of posts and comments: its requests, complexity and
//        share of a day's budget, the truth after it; exits 1 when the database differs from the truth)
if (args.Length > 0 && args[0] == "scale-out")
{
    var scaleOut = ScaleOutOptions.Parse(args);
    var measured = await ScaleOutMeasurement.RunAsync(scaleOut);
    Console.WriteLine();
    ScaleOutReport.Write(Console.Out, scaleOut, measured);
    return;
}

if (args.Length > 0 && args[0] == "sweep")
{
    var sweep = SweepOptions.Parse(args);
    var outcome = await SweepMeasurement.RunAsync(sweep);
    Console.WriteLine();
    SweepReport.Write(Console.Out, sweep, outcome);
    if (!outcome.Exact)
    {
        Environment.ExitCode = 1;
    }

    return;
}

if (args.Length > 0 && args[0] == "memory")
{
    var memory = SiloMemoryOptions.Parse(args);
    var readings = await SiloMemoryMeasurement.RunAsync(memory);
    Console.WriteLine();
    SiloMemoryReport.Write(Console.Out, memory, readings);
    return;
}

var options = BenchmarkOptions.Parse(args);
var original = new BenchmarkApplication("Original", "original-token", BenchmarkOptions.Points);
var phdb = new BenchmarkApplication("PHDB", "phdb-token", BenchmarkOptions.Points);
var unthrottled = new BenchmarkApplication("Unthrottled", "unthrottled-token", 1_000_000_000);
var timeout = TimeSpan.FromMinutes(options.TimeoutMinutes);
List<BenchmarkApplication> applications = [original, phdb, unthrottled];

Console.WriteLine(
    string.Create(
        CultureInfo.InvariantCulture,
        $"World of {options.Scale:N0} posts; complexity cap {options.Cap:N0}; {BenchmarkOptions.Points:N0} points per {options.WindowSeconds} s window, {(options.CostModel == RequestCostModel.Flat ? $"{BenchmarkOptions.CostPerRequest} per request" : options.CostModel == RequestCostModel.Complexity ? "a request costs its complexity" : $"a request costs its complexity, at least {BenchmarkOptions.CostPerRequest}")}; {(options.UntilPosts ? "each harvest stops once every post is stored; " : "")}original's interval {options.OriginalInterval.TotalMilliseconds:0.0} ms; {options.Silos} silos × {options.Workers} workers; {Environment.ProcessorCount} cores"
    )
);

await using var simulator = await BenchmarkWorld.StartAsync(
    options.Scale,
    options.Cap,
    BenchmarkOptions.LiveLikeLimits(options.CostModel, options.WindowSeconds),
    applications
);

var truth = await SimulatorTruth.LoadAsync(simulator.BaseAddress, CancellationToken.None);
var floor = ComplexityFloor.Of(truth);
Console.WriteLine(
    string.Create(
        CultureInfo.InvariantCulture,
        $"Complexity floor: {floor.Total:N0} points ({string.Join(", ", floor.Points.Select(p => $"{p.Key} {p.Value:N0}"))}), {floor.Requests(options.Cap):N0} requests at a cap of {options.Cap:N0}"
    )
);

var postgres = new PostgresServer();
await postgres.InitializeAsync();
try
{
    OriginalOutcome? originalOutcome = null;
    if (options.Parts.Contains("original"))
    {
        Console.WriteLine($"Original pattern for {options.BaselineWindows} windows…");
        originalOutcome = await OriginalPattern.RunAsync(simulator, original, options);
    }

    HarvestOutcome? throttledOutcome = null;
    if (options.Parts.Contains("throttled"))
    {
        Console.WriteLine("PHDB full harvest, live-like limits…");
        var database = await postgres.CreateMigratedDatabaseAsync("harvest_bench_throttled", CancellationToken.None);
        throttledOutcome = await FullHarvestMeasurement.RunAsync(
            simulator,
            phdb,
            database,
            options,
            HarvestSettings.Throttled(options),
            timeout,
            truth,
            truth.ApplicationOwnerIds[applications.IndexOf(phdb)]
        );
    }

    HarvestOutcome? unthrottledOutcome = null;
    if (options.Parts.Contains("unthrottled"))
    {
        Console.WriteLine("PHDB full harvest, rate limit out of the way…");
        var database = await postgres.CreateMigratedDatabaseAsync("harvest_bench_unthrottled", CancellationToken.None);
        unthrottledOutcome = await FullHarvestMeasurement.RunAsync(
            simulator,
            unthrottled,
            database,
            options,
            HarvestSettings.Unthrottled(options),
            timeout,
            truth,
            truth.ApplicationOwnerIds[applications.IndexOf(unthrottled)]
        );
    }

    Console.WriteLine();
    Report.Write(Console.Out, options, floor, originalOutcome, throttledOutcome, unthrottledOutcome);
}
finally
{
    await postgres.DisposeAsync();
}
