using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using PHDB.ProductHunt;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;

// Posts fetched per budget window, live-like limits on a short window: 6,250 points, 100 per request, 10 s.
// Both patterns run in the same simulator, each with its own application (own budget), until the budget is spent.
// Usage: dotnet run -c Release --project benchmarks/PHDB.ProductHunt.Benchmarks [-- caps=1000,2000,4000,8000,20000 scale=50000]
var settings = args.Select(a => a.Split('=', 2))
    .Where(p => p.Length == 2)
    .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
var caps = (settings.GetValueOrDefault("caps") ?? "1000,2000,4000,8000,20000")
    .Split(',')
    .Select(c => int.Parse(c, CultureInfo.InvariantCulture))
    .ToArray();
var scale = int.Parse(settings.GetValueOrDefault("scale") ?? "50000", CultureInfo.InvariantCulture);

Console.WriteLine($"Posts per budget window (6,250 points, 100 per request, 10 s window), world of {scale:N0} posts");
Console.WriteLine();
Console.WriteLine("| complexity cap | pattern | requests | posts | posts/request | ratio | wall time |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
foreach (var cap in caps)
{
    await using var simulator = await SimulatorHost.StartAsync(o =>
    {
        o.Scale = scale;
        o.Clock.Speed = 0;
        o.MaxComplexity = cap;
        o.RateLimit = new RateLimitOptions
        {
            Points = 6250,
            CostPerRequest = 100,
            WindowSeconds = 10,
        };
        o.Applications =
        [
            new ApplicationOptions
            {
                Name = "Baseline",
                ApplicationId = 1,
                DeveloperToken = "baseline-token",
            },
            new ApplicationOptions
            {
                Name = "Packed",
                ApplicationId = 2,
                DeveloperToken = "packed-token",
            },
        ];
    });

    var baseline = await Measure.OnePagePerRequestAsync(simulator, "baseline-token");
    var packed = await Measure.PackedAsync(simulator, "packed-token");
    var ratio = packed.Posts / (double)Math.Max(1, baseline.Posts);
    Console.WriteLine(baseline.Row(cap, "one 20-post page per request", null));
    Console.WriteLine(
        packed.Row(cap, $"packed (learned cap {packed.LearnedCap}, {packed.Aliases:0.0} aliases/request)", ratio)
    );
}

/// <summary>What one pattern read before its budget ran out.</summary>
internal sealed record Outcome(int Requests, int Posts, TimeSpan Wall, int LearnedCap, double Aliases)
{
    public string Row(int cap, string pattern, double? ratio) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"| {cap:N0} | {pattern} | {Requests} | {Posts:N0} | {Posts / (double)Math.Max(1, Requests):0.0} | {(ratio is { } r ? $"{r:0.00}×" : "1×")} | {Wall.TotalSeconds:0.0} s |"
        );
}

internal static class Measure
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static ProductHuntClient Client(SimulatorHost simulator, string token) =>
        new(
            new HttpClient(ProductHuntServiceCollectionExtensions.CreateHandler())
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
            Options.Create(
                new ProductHuntOptions
                {
                    BaseAddress = simulator.BaseAddress,
                    Token = token,
                    MaxComplexity = 0,
                    MaxRetries = 0,
                }
            )
        );

    /// <summary>The original tool's pattern: one posts page of 20 per request, following the cursor.</summary>
    public static async Task<Outcome> OnePagePerRequestAsync(SimulatorHost simulator, string token)
    {
        using var client = Client(simulator, token);
        var watch = Stopwatch.StartNew();
        var seen = new HashSet<long>();
        WorkItem? next = new PostsPage { First = 20, Order = PostsOrder.Newest };
        var requests = 0;
        while (next is not null)
        {
            var pack = await client.ExecuteAsync([next], CancellationToken.None);
            requests += pack.Requests;
            var result = pack.Results[0];
            if (result.Error is ProductHuntRateLimitException)
            {
                requests--;
                break;
            }

            if (result.Error is { } error)
            {
                throw error;
            }

            seen.UnionWith(result.Batch.Posts.Select(p => p.Id));
            next = result.Next;
        }

        return new Outcome(requests, seen.Count, watch.Elapsed, client.Complexity.Cap, 1);
    }

    /// <summary>Packed: many week windows walked at once, each with its own cursor, as many per request as the cap allows.</summary>
    public static async Task<Outcome> PackedAsync(SimulatorHost simulator, string token)
    {
        using var client = Client(simulator, token);
        var watch = Stopwatch.StartNew();
        var seen = new HashSet<long>();
        var walks = new List<WorkItem>();
        var day = 0;
        var requests = 0;
        var aliases = 0;
        while (true)
        {
            while (walks.Count < 50)
            {
                walks.Add(
                    new PostsPage
                    {
                        First = 20,
                        Order = PostsOrder.Newest,
                        PostedAfter = Start.AddDays(-7 * (day + 1)),
                        PostedBefore = Start.AddDays(-7 * day).AddSeconds(-1),
                    }
                );
                day++;
            }

            var group = client.Plan(walks)[0];
            var pack = await client.ExecuteAsync(group, CancellationToken.None);
            if (pack.Results.Any(r => r.Error is ProductHuntRateLimitException))
            {
                requests += pack.Requests - 1;
                break;
            }

            requests += pack.Requests;
            aliases += group.Count;
            walks.RemoveRange(0, group.Count);
            foreach (var result in pack.Results)
            {
                if (result.Error is { } error)
                {
                    throw error;
                }

                seen.UnionWith(result.Batch.Posts.Select(p => p.Id));
                if (result.Next is { } next)
                {
                    walks.Add(next);
                }
            }
        }

        return new Outcome(
            requests,
            seen.Count,
            watch.Elapsed,
            client.Complexity.Cap,
            aliases / (double)Math.Max(1, requests)
        );
    }
}
