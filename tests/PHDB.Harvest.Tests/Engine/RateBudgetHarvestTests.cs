using System.Globalization;
using PHDB.Grains.Harvest;
using PHDB.Grains.RateBudgets;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Engine;

public sealed class RateBudgetHarvestTests(PostgresServer postgres)
{
    private const int Cost = 100;

    // Long enough that the budget (about 63 requests a window, 5 a second), not the speed of a machine shared with
    // the other test projects, bounds the harvest: the test measures the pacing, not the machine. Requests that each
    // carry many right-sized pages take longer to answer and to commit than the one-page requests of the past.
    private const int WindowSeconds = 12;

    /// <summary>Share of a window's points each window between the first and the last must spend.</summary>
    private const double MinimumWindowUse = 0.80;

    /// <summary>Share of a window's points those windows must spend on average.</summary>
    private const double MinimumAverageUse = 0.82;

    /// <summary>
    /// The live API's limits (6,250 points, a flat 100 a request), and the same number of requests a window when each
    /// is charged its complexity (up to the cap of 1,000): the budget assumes 100 a request until the answers show
    /// what the API charges.
    /// </summary>
    [Theory]
    [InlineData(RequestCostModel.Flat, 6_250)]
    [InlineData(RequestCostModel.Complexity, 50_000)]
    public async Task A_harvest_under_live_like_limits_never_hits_429_and_spends_each_window(
        RequestCostModel model,
        int points
    )
    {
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var simulator = await SimulatorHost.StartAsync(
            o =>
            {
                // Large enough for several windows between the warm-up and the tail: long votes lists are read side by side,
                // so a 600-post world took only 5 windows of 12 s (295 requests).
                o.Scale = 800;
                o.Clock.Speed = 0;
                o.RateLimit.Points = points;
                o.RateLimit.CostPerRequest = Cost;
                o.RateLimit.CostModel = model;
                o.RateLimit.WindowSeconds = WindowSeconds;
            },
            cancellationToken: cancellation
        );
        var database = await postgres.CreateMigratedDatabaseAsync("rate_budget_harvest", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(
            database,
            simulator,
            settings: new Dictionary<string, string?>
            {
                // What the budget assumes before the first answer: the simulator's limits, as the live API's are known.
                ["Harvest:RateBudget:DefaultLimit"] = points.ToString(CultureInfo.InvariantCulture),
                ["Harvest:RateBudget:CostPerRequest"] = Cost.ToString(CultureInfo.InvariantCulture),
                ["Harvest:RateBudget:DefaultWindow"] = TimeSpan
                    .FromSeconds(WindowSeconds)
                    .ToString("c", CultureInfo.InvariantCulture),
                ["Harvest:RateBudget:ResetMargin"] = "00:00:00.100",
            }
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);

        using var watch = new CancellationTokenSource();
        var windows = WatchWindowsAsync(simulator, points, watch.Token);
        await coordinator.StartFull();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(4), "full harvest under live-like limits");
        await watch.CancelAsync();
        var (spent, charges) = await windows;

        output?.WriteLine(
            $"{model}: {HarvestProbe.Requests(simulator)} requests, {HarvestProbe.RateLimited(simulator)} answered 429, "
                + $"points spent per window: {string.Join(", ", spent)}"
        );
        var application = Assert.Single(await cluster.Client.GetGrain<IRateBudgetDirectoryGrain>(0).GetApplications());
        var learned = (await cluster.Client.GetGrain<IRateBudgetGrain>(application).GetStatus()).CostPerRequest;
        output?.WriteLine(
            $"cost per request: {learned} learned; charged per window: {string.Join(", ", charges.Select(c => c.ToString("F0", CultureInfo.InvariantCulture)))}"
        );

        Assert.Equal(0, HarvestProbe.RateLimited(simulator));

        // The budget keeps the cost the last whole window showed (the run's tail charges less than its middle under
        // Complexity): one of the last windows charged within a quarter of it.
        Assert.Contains(charges.TakeLast(3), charged => learned >= charged * 0.75 && learned <= charged * 1.25);
        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());
        if (model != RequestCostModel.Flat)
        {
            // Charged by complexity, the first windows are paced on a cost still being learned (measured: 25,000 to
            // 49,000 of 50,000 points) and the later ones spend 96-98 %: the share asserted below is for flat costs.
            return;
        }

        Assert.True(spent.Count >= 5, $"the harvest spanned several windows ({spent.Count})");

        // The first two windows are the probe and the warm-up: until the first answer the budget's reset is unknown,
        // and a cold cluster (grains activating, code compiling, the client learning the complexity cap by splitting
        // its first packs) is slower than the budget on a loaded machine (measured: 1,900 and 4,700 of 6,250 points;
        // on the live API's 15 minutes this is noise). In the tail (the last 20 % of the points) the work runs out: the last partitions page
        // one after the other and the round trip, not the budget, bounds them. Every window in between spends most
        // of its budget (about 97 % when measured). The watcher itself may miss the last request or two of a window.
        var total = spent.Sum();
        var steady = spent.Skip(2).Where((_, i) => spent.Take(i + 3).Sum() <= total * 0.8).ToList();
        Assert.True(steady.Count >= 2, $"several windows were spent while much work remained ({steady.Count})");
        foreach (var window in steady)
        {
            Assert.True(
                window >= points * MinimumWindowUse,
                $"a window spent {window} of {points} points while work remained"
            );
        }

        Assert.True(
            steady.Average() >= points * MinimumAverageUse,
            $"the windows spent {steady.Average():F0} of {points} points on average while work remained"
        );
    }

    /// <summary>
    /// Follows the simulator's rate-limit windows by peeking at the budget headers of a request without a query
    /// (answered 400, never charged nor counted), and returns the points each window spent (the lowest remainder
    /// seen in it; the last requests of a window can fall between two peeks, so this may undercount slightly), and
    /// the points each window charged a request on average (from the simulator's counters at each window's end).
    /// </summary>
    private static async Task<(List<int> Spent, List<double> Charges)> WatchWindowsAsync(
        SimulatorHost simulator,
        int points,
        CancellationToken stop
    )
    {
        using var http = simulator.CreateClient();
        var spent = new List<int>();
        var charges = new List<double>();
        var (requestsBefore, pointsBefore) = Counters(simulator);
        int? lowest = null;
        while (!stop.IsCancellationRequested)
        {
            int remaining;
            try
            {
                using var response = await http.PostAsync(
                    "v2/api/graphql",
                    new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
                    stop
                );
                remaining = int.Parse(
                    response.Headers.GetValues("X-Rate-Limit-Remaining").First(),
                    CultureInfo.InvariantCulture
                );
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (lowest is { } low && remaining > low)
            {
                // The window ended (a fresh window shows the whole limit, or a new one already started).
                spent.Add(points - low);
                lowest = remaining < points ? remaining : null;
                var (requests, charged) = Counters(simulator);
                if (requests > requestsBefore)
                {
                    charges.Add((double)(charged - pointsBefore) / (requests - requestsBefore));
                }

                (requestsBefore, pointsBefore) = (requests, charged);
            }
            else if (remaining < points)
            {
                lowest = remaining;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }

        if (lowest is { } last)
        {
            spent.Add(points - last);
        }

        return (spent, charges);
    }

    private static (long Requests, long Points) Counters(SimulatorHost simulator)
    {
        var counters = simulator.Stats.Read().Values.ToList();
        return (counters.Sum(c => c.Requests), counters.Sum(c => c.PointsSpent));
    }
}
