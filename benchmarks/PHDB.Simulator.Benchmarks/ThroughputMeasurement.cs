using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PHDB.Simulator.Hosting;

namespace PHDB.Simulator.Benchmarks;

/// <summary>Closed-loop request rates for the two request shapes a harvester sends.</summary>
internal static class ThroughputMeasurement
{
    /// <summary>A harvester's page: 20 posts of a time window with the fields it stores.</summary>
    private const string Page =
        "query($after: String) { posts(first: 20, order: NEWEST, postedAfter: \"2024-01-01T00:00:00Z\", postedBefore: \"2025-12-31T23:59:59Z\", after: $after) "
        + "{ totalCount edges { cursor node { id name slug tagline description votesCount commentsCount createdAt featuredAt url website user { id } makers { id } } } pageInfo { endCursor hasNextPage } } }";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "seconds", 10);
        var concurrency = Arguments.Number(args, "concurrency", 8);
        var url = Arguments.Text(args, "url");
        SimulatorHost? host = null;
        Uri baseAddress;
        string token;
        if (url is null)
        {
            host = await SimulatorHost.StartAsync(o =>
            {
                o.Scale = Arguments.Number(args, "scale", 50_000);
                o.Clock.Speed = 0;
                o.RateLimit.Points = int.MaxValue;
            });
            baseAddress = host.BaseAddress;
            token = host.DeveloperToken;
        }
        else
        {
            baseAddress = new Uri(url.TrimEnd('/') + "/");
            token = Arguments.Text(args, "token") ?? "phdb-simulator-dev-token";
        }

        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
            {
                BaseAddress = baseAddress,
            };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var aliased =
                "{ "
                + string.Join(
                    ' ',
                    Enumerable
                        .Range(0, 8)
                        .Select(i =>
                            $"w{i}: posts(first: 20, order: NEWEST, postedAfter: \"{2018 + i}-01-01T00:00:00Z\", postedBefore: \"{2018 + i}-12-31T23:59:59Z\") {{ edges {{ node {{ id name votesCount createdAt }} }} }}"
                        )
                )
                + " }";

            Console.WriteLine($"target {baseAddress}, {concurrency} concurrent clients, {seconds} s per shape");
            // Pages walk the first 50 cursors of the window, so the simulator serves varied offsets.
            Func<int, object> page = i => new
            {
                query = Page,
                variables = new
                {
                    after = i % 50 == 0
                        ? null
                        : Convert.ToBase64String(
                            Encoding.ASCII.GetBytes(
                                (i % 50 * 20).ToString(System.Globalization.CultureInfo.InvariantCulture)
                            )
                        ),
                },
            };
            await MeasureAsync(client, "20-post page", page, 2, concurrency);
            await MeasureAsync(client, "20-post page", page, seconds, concurrency);
            await MeasureAsync(client, "8x aliased query", _ => new { query = aliased }, seconds, concurrency);
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(
        HttpClient client,
        string name,
        Func<int, object> body,
        int seconds,
        int concurrency
    )
    {
        var payloads = Enumerable.Range(0, 200).Select(i => JsonSerializer.Serialize(body(i))).ToArray();
        var deadline = Stopwatch.StartNew();
        long count = 0,
            failures = 0;
        var latencies = new List<double>();
        var gate = new Lock();
        var workers = Enumerable
            .Range(0, concurrency)
            .Select(async worker =>
            {
                var i = worker;
                var local = new List<double>();
                while (deadline.Elapsed.TotalSeconds < seconds)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var content = new StringContent(
                        payloads[i++ % payloads.Length],
                        Encoding.UTF8,
                        "application/json"
                    );
                    using var response = await client.PostAsync(new Uri("v2/api/graphql", UriKind.Relative), content);
                    _ = await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref count);
                }

                lock (gate)
                {
                    latencies.AddRange(local);
                }
            })
            .ToArray();
        await Task.WhenAll(workers);
        latencies.Sort();
        var rate = count / deadline.Elapsed.TotalSeconds;
        Console.WriteLine(
            $"{name, -18} {rate, 8:F0} req/s   p50 {latencies[latencies.Count / 2]:F1} ms   p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms   failures {failures}"
        );
    }
}
