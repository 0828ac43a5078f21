using System.Diagnostics;

namespace PHDB.Simulator.Tests;

/// <summary>The million-post world starts quickly and stays small.</summary>
public sealed class ScaleTests
{
    [Fact]
    public async Task A_million_post_world_starts_in_under_15_seconds_and_under_2_GB()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        await using var host = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 1_000_000;
            o.Clock.Speed = 0;
        });
        var elapsed = watch.Elapsed;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"start-up took {elapsed}");
        Assert.True(retained < 2L * 1024 * 1024 * 1024, $"world holds {retained / 1048576} MiB");

        var answer = (
            await Api.QueryAsync(host, "{ posts(first: 20, order: NEWEST) { totalCount nodes { id votesCount } } }")
        ).EnsureData();
        Assert.Equal(1_000_000, (int)answer.Data!["posts"]!["totalCount"]!);
    }
}
