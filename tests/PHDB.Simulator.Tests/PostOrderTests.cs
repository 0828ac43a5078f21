using System.Text.Json.Nodes;

namespace PHDB.Simulator.Tests;

/// <summary>The four post orders and how they break ties.</summary>
public sealed class PostOrderTests(SharedSimulator simulator)
{
    private const string Window = "postedAfter: \"2023-01-01T00:00:00Z\"";

    private static long Id(JsonNode n) =>
        long.Parse((string)n["id"]!, System.Globalization.CultureInfo.InvariantCulture);

    private static string? Featured(JsonNode n) => (string?)n["featuredAt"];

    [Fact]
    public async Task Newest_sorts_by_createdAt_then_id_descending()
    {
        var posts = await Walker.AllPostsAsync(simulator.Host, $"order: NEWEST, {Window}");
        Assert.True(posts.Count > 100);
        for (var i = 1; i < posts.Count; i++)
        {
            var (a, b) = (posts[i - 1], posts[i]);
            var cmp = string.CompareOrdinal((string)a["createdAt"]!, (string)b["createdAt"]!);
            Assert.True(cmp > 0 || (cmp == 0 && Id(a) > Id(b)), $"{a} before {b}");
        }
    }

    [Fact]
    public async Task Votes_sorts_by_votesCount_then_id_descending()
    {
        var posts = await Walker.AllPostsAsync(simulator.Host, $"order: VOTES, {Window}");
        for (var i = 1; i < posts.Count; i++)
        {
            var (a, b) = (posts[i - 1], posts[i]);
            var (va, vb) = ((int)a["votesCount"]!, (int)b["votesCount"]!);
            Assert.True(va > vb || (va == vb && Id(a) > Id(b)), $"{a} before {b}");
        }
    }

    [Fact]
    public async Task Featured_at_sorts_featured_posts_first_with_no_id_tie_breaker()
    {
        var posts = await Walker.AllPostsAsync(simulator.Host, $"order: FEATURED_AT, {Window}");
        var featured = posts.TakeWhile(p => Featured(p) is not null).ToList();
        Assert.All(posts.Skip(featured.Count), p => Assert.Null(Featured(p)));
        for (var i = 1; i < featured.Count; i++)
        {
            Assert.True(string.CompareOrdinal(Featured(featured[i - 1]), Featured(featured[i])) >= 0);
        }

        var ties = featured.GroupBy(Featured).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(ties);
        Assert.Contains(ties, g => !g.Select(Id).SequenceEqual(g.Select(Id).OrderDescending()));
    }

    [Fact]
    public async Task Ranking_sorts_by_featured_day_then_votes_with_unfeatured_last()
    {
        var posts = await Walker.AllPostsAsync(simulator.Host, $"order: RANKING, {Window}");
        var featured = posts.TakeWhile(p => Featured(p) is not null).ToList();
        Assert.All(posts.Skip(featured.Count), p => Assert.Null(Featured(p)));
        for (var i = 1; i < featured.Count; i++)
        {
            var (a, b) = (featured[i - 1], featured[i]);
            var (dayA, dayB) = (Featured(a)![..10], Featured(b)![..10]);
            var cmp = string.CompareOrdinal(dayA, dayB);
            Assert.True(cmp > 0 || (cmp == 0 && (int)a["votesCount"]! >= (int)b["votesCount"]!), $"{a} before {b}");
        }
    }

    [Fact]
    public async Task Default_order_is_ranking()
    {
        var ranking = await Api.QueryAsync(
            simulator.Host,
            "{ posts(order: RANKING, first: 20) { edges { node { id } } } }"
        );
        var byDefault = await Api.QueryAsync(simulator.Host, "{ posts(first: 20) { edges { node { id } } } }");
        Assert.Equal(ranking.Body, byDefault.Body);
    }
}
