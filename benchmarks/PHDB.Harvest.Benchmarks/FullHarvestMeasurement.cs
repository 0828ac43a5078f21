using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Simulator.Hosting;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Benchmarks;

/// <summary>
/// One full harvest by the engine, from the start command to the completed run (or, with <c>--until posts</c>, to the
/// first sample that finds every post stored), sampled twice a second.
/// </summary>
internal static class FullHarvestMeasurement
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(15);

    /// <summary>A sample that takes longer means the cluster or the database is gone: the run fails.</summary>
    private static readonly TimeSpan SampleTimeout = TimeSpan.FromSeconds(60);

    public static async Task<HarvestOutcome> RunAsync(
        SimulatorHost simulator,
        BenchmarkApplication application,
        string database,
        BenchmarkOptions options,
        IReadOnlyDictionary<string, string?> settings,
        TimeSpan timeout,
        SimulatorTruth truth,
        long owner
    )
    {
        await using var cluster = await BenchmarkCluster.StartAsync(
            database,
            simulator.BaseAddress,
            application.Token,
            options.Silos,
            settings
        );
        await using var data = NpgsqlDataSource.Create(database);
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>("default");
        var counters = simulator.Stats.For(application.Name);
        var before = counters.Read();
        var complexityBefore = counters.ComplexityByConnection();

        var watch = Stopwatch.StartNew();
        await coordinator.StartFull();
        TimeSpan? postsDone = null;
        var progressAt = ProgressEvery;
        HarvestStatus status;
        while (true)
        {
            await Task.Delay(SampleEvery);
            status = await coordinator.GetStatus().WaitAsync(SampleTimeout);
            var posts = await HarvestedRows.PostsAsync(data).WaitAsync(SampleTimeout);
            if (postsDone is null && posts >= options.Scale)
            {
                postsDone = watch.Elapsed;
            }

            if (status.Phase == HarvestPhase.Completed)
            {
                break;
            }

            if (postsDone is not null && options.UntilPosts)
            {
                await coordinator.CancelRun();
                break;
            }

            if (watch.Elapsed >= progressAt)
            {
                progressAt += ProgressEvery;
                var now = counters.Read();
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {watch.Elapsed.TotalSeconds, 6:0} s  {application.Name}: {posts:N0} posts, {now.Requests - before.Requests:N0} requests, {now.RateLimited - before.RateLimited} × 429, partitions {status.Done}/{status.Partitions} done, {status.Parked} parked"
                    )
                );
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"The full harvest of {application.Name} did not complete within {timeout}: {status}"
                );
            }
        }

        var wall = watch.Elapsed;
        var after = counters.Read();
        var rows = await HarvestedRows.AllAsync(data);
        // A harvest stopped once every post was stored is not complete: nothing to compare.
        var report =
            status.Phase == HarvestPhase.Completed
                ? await TruthComparison.CompareAsync(
                    truth,
                    database,
                    // The token shows its application's owner alone.
                    new TruthComparisonOptions { DisclosedUserIds = [owner] },
                    CancellationToken.None
                )
                : null;
        return new HarvestOutcome(
            wall,
            postsDone,
            after.Requests - before.Requests,
            after.PointsSpent - before.PointsSpent,
            after.RateLimited - before.RateLimited,
            rows,
            status.Parked,
            ConnectionComplexity.Since(counters, complexityBefore),
            report
        );
    }
}
