using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PHDB.Simulator.Api;
using PHDB.Simulator.World;

namespace PHDB.Simulator.Tests;

/// <summary>Simulated time: launches, growing counts and edits as the clock advances.</summary>
public sealed class ClockTests
{
    private const string Totals =
        "{ posts(first: 1, order: NEWEST) { totalCount nodes { id votesCount commentsCount createdAt } } }";

    [Fact]
    public async Task Advancing_the_clock_launches_posts_and_grows_recent_counts()
    {
        await using var host = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 800;
            o.Clock.Speed = 0;
            o.HorizonDays = 60;
        });
        var before = (await Api.QueryAsync(host, Totals)).EnsureData().Data!["posts"]!;
        var newest = (string)before["nodes"]![0]!["id"]!;
        var postQuery = $"{{ post(id: \"{newest}\") {{ votesCount commentsCount }} }}";
        var early = (await Api.QueryAsync(host, postQuery)).EnsureData().Data!["post"]!;

        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync(
            new Uri("_sim/clock/advance", UriKind.Relative),
            new { seconds = 14 * 86_400 },
            TestContext.Current.CancellationToken
        );
        response.EnsureSuccessStatusCode();
        var now = (string)
            JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["now"]!;
        Assert.Equal("2026-06-15T00:00:00Z", now);

        var after = (await Api.QueryAsync(host, Totals)).EnsureData().Data!["posts"]!;
        Assert.True((int)after["totalCount"]! > (int)before["totalCount"]!);
        Assert.True(string.CompareOrdinal((string)after["nodes"]![0]!["createdAt"]!, "2026-06-01T00:00:00Z") > 0);
        Assert.True(string.CompareOrdinal((string)after["nodes"]![0]!["createdAt"]!, now) <= 0);
        Assert.Equal((int)after["totalCount"]!, Api.Lines(await Api.TruthAsync(host, "posts")).Count());

        var late = (await Api.QueryAsync(host, postQuery)).EnsureData().Data!["post"]!;
        Assert.True((int)late["votesCount"]! > (int)early["votesCount"]!);
        Assert.True((int)late["commentsCount"]! >= (int)early["commentsCount"]!);
    }

    [Fact]
    public async Task New_launches_shift_offset_cursors_so_later_pages_repeat_items()
    {
        await using var host = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 800;
            o.Clock.Speed = 0;
        });
        using var client = host.CreateClient();
        const string page =
            "query($after: String) { posts(first: 20, order: NEWEST, after: $after) { nodes { id } pageInfo { endCursor } } }";
        var first = (await Api.PostAsync(client, page)).EnsureData().Data!["posts"]!;
        host.Clock.Advance(5 * 86_400);
        var second = (await Api.PostAsync(client, page, new { after = (string)first["pageInfo"]!["endCursor"]! }))
            .EnsureData()
            .Data!["posts"]!;
        var seen = first["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToHashSet();
        Assert.Contains(second["nodes"]!.AsArray(), n => seen.Contains((string)n!["id"]!));
    }

    [Fact]
    public async Task Some_posts_are_edited_as_time_passes()
    {
        await using var host = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 2_000;
            o.Clock.Speed = 0;
        });
        var state = host.Services.GetRequiredService<SimulatorState>();
        var world = state.World;
        var now = SimInstant.From(host.Clock.UtcNow);
        var edited = Enumerable
            .Range(0, world.VisiblePostCount(now))
            .First(p => world.Posts[p].EditedAt > now && world.Posts[p].EditedAt <= now + (30 * 86_400));
        var query = $"{{ post(id: \"{world.Posts[edited].Id}\") {{ tagline description }} }}";

        var original = (await Api.QueryAsync(host, query)).EnsureData().Body;
        host.Clock.Advance(30 * 86_400);
        var changed = (await Api.QueryAsync(host, query)).EnsureData().Body;
        Assert.NotEqual(original, changed);
    }

    [Fact]
    public async Task The_clock_runs_at_its_speed_in_ticks()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var host = await TestSimulator.StartAsync(
            o =>
            {
                o.Scale = 100;
                o.Clock.Speed = 60;
                o.Clock.TickSeconds = 600;
            },
            time
        );
        var start = host.Clock.UtcNow;
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(start, host.Clock.UtcNow);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(start.AddMinutes(10), host.Clock.UtcNow);
        host.Clock.Advance(5);
        Assert.Equal(start.AddMinutes(10).AddSeconds(5), host.Clock.UtcNow);

        using var client = host.CreateClient();
        var clock = JsonNode.Parse(
            await client.GetStringAsync(new Uri("_sim/clock", UriKind.Relative), TestContext.Current.CancellationToken)
        )!;
        Assert.Equal(
            start
                .AddMinutes(10)
                .AddSeconds(5)
                .ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            (string)clock["now"]!
        );
    }
}
