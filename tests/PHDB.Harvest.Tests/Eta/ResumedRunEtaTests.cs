using System.Globalization;
using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Harvest.Tests.Engine;
using PHDB.Operations;
using PHDB.Simulator.Hosting;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Eta;

/// <summary>
/// The ETA the console shows for a full harvest resumed by a new cluster, against the time it really takes. It runs
/// alone: the pace it measures must be the run's, not what the other tests leave of the machine.
/// </summary>
[Collection(nameof(ResumedRunEtaTests))]
public sealed class ResumedRunEtaTests(PostgresServer postgres)
{
    private const int Points = 600;
    private const int Cost = 100;

    // 6 requests a window of 4 s: the budget, not the machine, bounds the harvest, as on the live API. The machine
    // alone allows 2.2-2.8 requests a second of this world's packed pages, and 1.4 while the resumed cluster warms
    // up on a loaded one: a faster budget would have the ETA measure the machine's pace of the moment.
    private const int WindowSeconds = 4;

    /// <summary>How far off the actual remaining time the ETA may be.</summary>
    private const double Tolerance = 0.25;

    [Fact]
    public async Task The_eta_of_a_half_done_run_resumed_by_a_new_cluster_is_within_a_quarter_of_the_time_it_takes()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var simulator = await SimulatorHost.StartAsync(
            o =>
            {
                o.Scale = 300;
                o.Clock.Speed = 0;
                o.RateLimit.Points = Points;
                o.RateLimit.CostPerRequest = Cost;
                o.RateLimit.WindowSeconds = WindowSeconds;
            },
            cancellationToken: cancellation
        );
        var database = await postgres.CreateMigratedDatabaseAsync("resumed_run_eta", cancellation);
        var settings = new Dictionary<string, string?>
        {
            // Yearly posts windows from 2001, a dozen years before the world's first post: the empty windows end at
            // their first page, the busy ones last to the end, as early quiet windows do in a live full harvest.
            ["Harvest:Epoch"] = "2001-01-01T00:00:00Z",
            ["Harvest:Window"] = "365.00:00:00",
            ["Harvest:RateBudget:DefaultLimit"] = Points.ToString(CultureInfo.InvariantCulture),
            ["Harvest:RateBudget:CostPerRequest"] = Cost.ToString(CultureInfo.InvariantCulture),
            ["Harvest:RateBudget:DefaultWindow"] = TimeSpan
                .FromSeconds(WindowSeconds)
                .ToString("c", CultureInfo.InvariantCulture),
            ["Harvest:RateBudget:ResetMargin"] = "00:00:00.100",
        };

        var first = await HarvestCluster.StartAsync(database, simulator, silos: 1, settings: settings);
        try
        {
            var coordinator = first.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
            await coordinator.StartFull();
            await Eventually.HoldsAsync(
                async () => await coordinator.GetStatus() is { } s && s.Done * 2 >= s.Partitions,
                TimeSpan.FromMinutes(6),
                "half the partitions of the full harvest done"
            );
            var status = await coordinator.GetStatus();
            output?.WriteLine($"stopping the cluster with {status.Done} of {status.Partitions} partitions done");
            Assert.True(status.Done < status.Partitions, "the cluster is stopped in the middle of the run");
        }
        finally
        {
            await first.StopAllSilosAsync(cancellation);
            await first.DisposeAsync();
        }

        await using var second = await HarvestCluster.StartAsync(database, simulator, silos: 1, settings: settings);
        await using var dataSource = NpgsqlDataSource.Create(database);
        using var feed = ConsoleFeed.Create(second.Client, dataSource, TimeSpan.FromMilliseconds(100));
        await feed.StartAsync(cancellation);
        using var timeline = new CancellationTokenSource();
        var watching = WatchAsync(feed, simulator, timeline.Token);
        try
        {
            // The console as an operator opens it after the restart, once it watched the resumed run for 20 s (its
            // pace is the one of the latest 10 s).
            HarvestView? read = null;
            await Eventually.HoldsAsync(
                () =>
                {
                    var view = feed.Current;
                    if (view.Pace is { Span.TotalSeconds: >= 10 } && HarvestEta.Estimate(view) is not null)
                    {
                        read = view;
                    }

                    return Task.FromResult(read is not null);
                },
                TimeSpan.FromMinutes(1),
                "an ETA on the console after the restart"
            );
            var eta = HarvestEta.Estimate(read!)!.Value;
            var requestsAtRead = HarvestProbe.Requests(simulator);
            output?.WriteLine(OpenPartitions(read!));

            var coordinator = second.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
            await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(6), "resumed full harvest");
            var actual = (await coordinator.GetStatus()).FinishedAt!.Value - read!.UpdatedAt;
            output?.WriteLine(
                $"ETA {eta.TotalSeconds:F1} s with {read.Status!.Done} of {read.Status.Partitions} partitions done, "
                    + $"{HarvestWorkLeft.Points([.. read.Partitions.Values]):F0} points left, the longest connection "
                    + $"{HarvestWorkLeft.LongestChain([.. read.Partitions.Values])} pages, {read.ItemsPerRequest:F1} "
                    + $"pages and {read.PointsPerRequest:F0} points a request, {read.Pace} watched; the run took "
                    + $"{actual.TotalSeconds:F1} s and {HarvestProbe.Requests(simulator) - requestsAtRead} requests more"
            );
            Assert.True(
                Math.Abs((eta - actual).TotalSeconds) <= Tolerance * actual.TotalSeconds,
                $"the ETA was {eta.TotalSeconds:F1} s, the run took {actual.TotalSeconds:F1} s more"
            );
        }
        finally
        {
            await timeline.CancelAsync();
            output?.WriteLine(await watching);
            await feed.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>What the ETA was estimated from: the open partitions as the console saw them.</summary>
    private static string OpenPartitions(HarvestView view) =>
        "open partitions (pages, pending subjects, pending pages, longest chain, root read):\n"
        + string.Join(
            "\n",
            view.Partitions.Values.Where(p => p.Status is PartitionStatus.Pending or PartitionStatus.Running)
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p =>
                    $"{p.Key} {p.Pages} {p.PendingSubjects} {p.PendingPages} {p.LongestChain} {p.RootExhausted}"
                )
        );

    /// <summary>
    /// The resumed run second by second (pages the console saw, requests the API answered, leases and budget), so
    /// that a failure shows where the time went.
    /// </summary>
    private static async Task<string> WatchAsync(HarvestFeed feed, SimulatorHost simulator, CancellationToken stop)
    {
        var lines = new System.Text.StringBuilder("the resumed run, second by second:\n");
        var started = DateTimeOffset.UtcNow;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop) && lines.Length < 20_000)
            {
                var view = feed.Current;
                var counters = simulator.Stats.Read().Values.ToList();
                var requests = counters.Sum(a => a.Requests);
                var limited = counters.Sum(a => a.RateLimited);
                var budget = view.ActiveBudgets.Count > 0 ? view.ActiveBudgets[0] : null;
                lines.Append(
                    CultureInfo.InvariantCulture,
                    $"{(DateTimeOffset.UtcNow - started).TotalSeconds:F0}s pages {view.Partitions.Values.Sum(p => p.Pages)} points {view.Partitions.Values.Sum(p => p.Points)} "
                        + $"requests {requests} 429s {limited} done {view.Status?.Done} leased {view.Status?.Leased} "
                        + $"in-flight {budget?.InFlight} remaining {budget?.Remaining}\n"
                );
            }
        }
        catch (OperationCanceledException) { }

        return lines.ToString();
    }
}

/// <summary>Runs <see cref="ResumedRunEtaTests"/> with no other test beside it.</summary>
[CollectionDefinition(nameof(ResumedRunEtaTests), DisableParallelization = true)]
public sealed class ResumedRunEtaIsolation;
