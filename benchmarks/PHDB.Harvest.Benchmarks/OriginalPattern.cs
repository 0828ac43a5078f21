using System.Diagnostics;
using Microsoft.Extensions.Options;
using PHDB.ProductHunt;
using PHDB.Simulator.Hosting;

namespace PHDB.Harvest.Benchmarks;

/// <summary>
/// The original tool's request pattern: one <c>posts(first: 20, order: NEWEST)</c> page per request, following the
/// cursor, one request every 2 s of the live window (here the same fraction of the accelerated one), posts only.
/// It does not pace itself on the budget: a page refused with a 429 is asked again at the next tick. A world read to
/// its end (small worlds only) is read again from the first page, so that every window counts.
/// </summary>
internal static class OriginalPattern
{
    public static async Task<OriginalOutcome> RunAsync(
        SimulatorHost simulator,
        BenchmarkApplication application,
        BenchmarkOptions options
    )
    {
        using var client = new ProductHuntClient(
            new HttpClient(ProductHuntServiceCollectionExtensions.CreateHandler())
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
            Options.Create(
                new ProductHuntOptions
                {
                    BaseAddress = simulator.BaseAddress,
                    Token = application.Token,
                    MaxRetries = 0,
                }
            )
        );
        var counters = simulator.Stats.For(application.Name);
        var before = counters.Read();
        var duration = options.Window * options.BaselineWindows;
        var posts = 0;
        WorkItem first = new PostsPage { First = 20, Order = PostsOrder.Newest };
        var next = first;
        var watch = Stopwatch.StartNew();
        for (var tick = 1; watch.Elapsed < duration; tick++)
        {
            WorkResult? result;
            try
            {
                result = (await client.ExecuteAsync([next], CancellationToken.None)).Results[0];
            }
            catch (ProductHuntRateLimitException)
            {
                result = null;
            }

            if (result is { Error: null })
            {
                posts += result.Batch.Posts.Count;
                next = result.Next ?? first;
            }
            else if (result?.Error is { } error and not ProductHuntRateLimitException)
            {
                throw error;
            }

            var wait = options.OriginalInterval * tick - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        var wall = watch.Elapsed;
        var after = counters.Read();
        return new OriginalOutcome(
            wall,
            posts,
            after.Requests - before.Requests,
            after.PointsSpent - before.PointsSpent,
            after.RateLimited - before.RateLimited
        );
    }
}
