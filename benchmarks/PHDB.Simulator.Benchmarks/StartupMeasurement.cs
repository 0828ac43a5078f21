using System.Diagnostics;
using System.Text;
using PHDB.Simulator.Hosting;

namespace PHDB.Simulator.Benchmarks;

/// <summary>Start-up time and memory of a large world, plus the first and repeated costs of its heaviest listings.</summary>
internal static class StartupMeasurement
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scale = Arguments.Number(args, "scale", 1_000_000);
        var watch = Stopwatch.StartNew();
        await using var host = await SimulatorHost.StartAsync(o =>
        {
            o.Scale = scale;
            o.Clock.Speed = 0;
            o.RateLimit.Points = int.MaxValue;
        });
        var startup = watch.Elapsed;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"scale                {scale:N0} posts");
        Console.WriteLine($"start-up             {startup.TotalSeconds:F2} s (world generation, schema, Kestrel)");
        Console.WriteLine($"managed heap         {managed / 1048576.0:F0} MiB");
        Console.WriteLine($"working set          {process.WorkingSet64 / 1048576.0:F0} MiB");

        using var client = host.CreateClient();
        foreach (
            var (name, query) in new[]
            {
                ("NEWEST page", "{ posts(first: 20, order: NEWEST) { nodes { id votesCount } } }"),
                ("RANKING page (first)", "{ posts(first: 20) { nodes { id votesCount } } }"),
                ("RANKING page (cached)", "{ posts(first: 20, after: \"MTAwMA==\") { nodes { id votesCount } } }"),
                ("VOTES page (first)", "{ posts(first: 20, order: VOTES) { nodes { id votesCount } } }"),
                (
                    "week window NEWEST",
                    "{ posts(first: 20, order: NEWEST, postedAfter: \"2025-03-01T00:00:00Z\", postedBefore: \"2025-03-08T00:00:00Z\") { totalCount nodes { id } } }"
                ),
            }
        )
        {
            watch.Restart();
            using var content = new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new { query }),
                Encoding.UTF8,
                "application/json"
            );
            using var response = await client.PostAsync(new Uri("v2/api/graphql", UriKind.Relative), content);
            response.EnsureSuccessStatusCode();
            Console.WriteLine($"{name, -21}{watch.Elapsed.TotalMilliseconds, 8:F0} ms");
        }

        process.Refresh();
        Console.WriteLine($"peak working set     {process.PeakWorkingSet64 / 1048576.0:F0} MiB");
        return 0;
    }
}
