using PHDB.Simulator.Configuration;

namespace PHDB.Simulator.Tests;

/// <summary>The two configurable meanings of <c>totalCount</c>.</summary>
public sealed class TotalCountTests(SharedSimulator simulator)
{
    [Fact]
    public async Task Full_mode_counts_every_matching_item()
    {
        var truth = Api.Lines(await Api.TruthAsync(simulator.Host, "posts")).Count();
        var answer = (await Api.QueryAsync(simulator.Host, "{ posts(first: 5) { totalCount } }")).EnsureData();
        Assert.Equal(truth, (int)answer.Data!["posts"]!["totalCount"]!);
    }

    [Fact]
    public async Task Page_size_mode_counts_the_page()
    {
        await using var host = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 300;
            o.Clock.Speed = 0;
            o.TotalCount = TotalCountMode.PageSize;
        });
        var answer = (
            await Api.QueryAsync(
                host,
                "{ a: posts(first: 7) { totalCount } b: posts { totalCount } c: topics(first: 3) { totalCount } }"
            )
        ).EnsureData();
        Assert.Equal(7, (int)answer.Data!["a"]!["totalCount"]!);
        Assert.Equal(20, (int)answer.Data!["b"]!["totalCount"]!);
        Assert.Equal(3, (int)answer.Data!["c"]!["totalCount"]!);
    }
}
