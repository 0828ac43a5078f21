using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using PHDB.Simulator.Hosting;

namespace PHDB.Simulator.Tests;

/// <summary>Walking any posts filter with any page size visits each matching post exactly once while the world is still.</summary>
public sealed class PagingPropertyTests : IAsyncLifetime
{
    private static readonly string[] Orders = ["NEWEST", "FEATURED_AT", "RANKING", "VOTES"];
    private static readonly DateTimeOffset FirstDay = new(2014, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private SimulatorHost _host = null!;
    private List<JsonObject> _posts = [];
    private ILookup<string, string> _topicsOfPost = null!;
    private string[] _topicSlugs = [];

    public async ValueTask InitializeAsync()
    {
        _host = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 600;
            o.Topics = 20;
            o.Clock.Speed = 0;
            o.RateLimit.Points = int.MaxValue;
        });
        _posts = [.. Api.Lines(await Api.TruthAsync(_host, "posts"))];
        var topics = Api.Lines(await Api.TruthAsync(_host, "topics"))
            .ToDictionary(t => (string)t["id"]!, t => (string)t["slug"]!);
        _topicSlugs = [.. topics.Values.Order(StringComparer.Ordinal)];
        _topicsOfPost = Api.Lines(await Api.TruthAsync(_host, "post_topics"))
            .ToLookup(l => (string)l["postId"]!, l => topics[(string)l["topicId"]!]);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Any_filter_and_page_size_visits_every_match_exactly_once()
    {
        var filters =
            from featured in Gen.Int[0, 2]
            from after in Gen.Int[-1, 4700]
            from span in Gen.Int[-1, 1500]
            from topic in Gen.Int[-2, 19]
            from order in Gen.Int[0, 3]
            from pageSize in Gen.Int[1, 25]
            select (Featured: featured, After: after, Span: span, Topic: topic, Order: order, PageSize: pageSize);

        await filters.SampleAsync(
            async f =>
            {
                var arguments = new List<string> { $"order: {Orders[f.Order]}" };
                DateTimeOffset? after = f.After < 0 ? null : FirstDay.AddDays(f.After);
                DateTimeOffset? before = f.Span < 0 ? null : (after ?? FirstDay.AddDays(3000)).AddDays(f.Span);
                if (f.Featured < 2)
                {
                    arguments.Add(f.Featured == 1 ? "featured: true" : "featured: false");
                }

                if (after is { } a)
                {
                    arguments.Add($"postedAfter: \"{a:yyyy-MM-ddTHH:mm:ssZ}\"");
                }

                if (before is { } b)
                {
                    arguments.Add($"postedBefore: \"{b:yyyy-MM-ddTHH:mm:ssZ}\"");
                }

                var topic = f.Topic switch
                {
                    -2 => null,
                    -1 => "unknown-topic",
                    _ => _topicSlugs[f.Topic],
                };
                if (topic is not null)
                {
                    arguments.Add($"topic: \"{topic}\"");
                }

                var visited = (await Walker.AllPostsAsync(_host, string.Join(", ", arguments), "id", f.PageSize))
                    .Select(n => (string)n["id"]!)
                    .ToList();
                Assert.Equal(visited.Count, visited.Distinct().Count());

                var expected = _posts
                    .Where(p =>
                    {
                        var featuredAt = (string?)p["featuredAt"];
                        if (f.Featured == 1 && featuredAt is null)
                        {
                            return false;
                        }

                        var instant = DateTimeOffset.Parse(
                            f.Featured == 1 ? featuredAt! : (string)p["createdAt"]!,
                            CultureInfo.InvariantCulture
                        );
                        return (after is null || instant >= after)
                            && (before is null || instant <= before)
                            && (topic is null || _topicsOfPost[(string)p["id"]!].Contains(topic));
                    })
                    .Select(p => (string)p["id"]!);
                Assert.Equal(expected.Order(StringComparer.Ordinal), visited.Order(StringComparer.Ordinal));
            },
            iter: 60,
            threads: 1
        );
    }
}
