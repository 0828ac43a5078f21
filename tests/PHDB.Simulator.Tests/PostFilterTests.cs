namespace PHDB.Simulator.Tests;

/// <summary>The filters of <c>Query.posts</c>.</summary>
public sealed class PostFilterTests(SharedSimulator simulator)
{
    private async Task<int> TotalAsync(string arguments)
    {
        var answer = (await Api.QueryAsync(simulator.Host, $"{{ posts({arguments}) {{ totalCount }} }}")).EnsureData();
        return (int)answer.Data!["posts"]!["totalCount"]!;
    }

    [Fact]
    public async Task PostedAfter_and_postedBefore_are_inclusive_on_createdAt()
    {
        var truth = Api.Lines(await Api.TruthAsync(simulator.Host, "posts")).ToList();
        var busiest = truth.GroupBy(p => (string)p["createdAt"]!).OrderByDescending(g => g.Count()).First();
        Assert.True(busiest.Count() > 1);
        var instant = busiest.Key;

        var exact = await Walker.AllPostsAsync(
            simulator.Host,
            $"order: NEWEST, postedAfter: \"{instant}\", postedBefore: \"{instant}\""
        );
        Assert.Equal(busiest.Select(p => (string)p["id"]!).Order(), exact.Select(n => (string)n["id"]!).Order());

        var day = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        var earlier = await Walker.AllPostsAsync(
            simulator.Host,
            $"order: NEWEST, postedAfter: \"{day.AddDays(-1):yyyy-MM-ddTHH:mm:ssZ}\", postedBefore: \"{instant}\""
        );
        var later = await Walker.AllPostsAsync(
            simulator.Host,
            $"order: NEWEST, postedAfter: \"{instant}\", postedBefore: \"{day.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}\""
        );
        var overlap = earlier.Select(n => (string)n["id"]!).Intersect(later.Select(n => (string)n["id"]!)).Order();
        Assert.Equal(busiest.Select(p => (string)p["id"]!).Order(), overlap);
    }

    [Fact]
    public async Task Featured_true_filters_and_bounds_apply_to_featuredAt()
    {
        var truth = Api.Lines(await Api.TruthAsync(simulator.Host, "posts")).ToList();
        var late = truth.First(p => p["featuredAt"] is not null && (string)p["featuredAt"]! != (string)p["createdAt"]!);
        var featuredAt = (string)late["featuredAt"]!;

        var featured = await Walker.AllPostsAsync(
            simulator.Host,
            $"featured: true, postedAfter: \"{featuredAt}\", postedBefore: \"{featuredAt}\""
        );
        Assert.Contains((string)late["id"]!, featured.Select(n => (string)n["id"]!));
        Assert.All(featured, n => Assert.Equal(featuredAt, (string)n["featuredAt"]!));

        var byCreation = await Walker.AllPostsAsync(
            simulator.Host,
            $"postedAfter: \"{featuredAt}\", postedBefore: \"{featuredAt}\""
        );
        Assert.DoesNotContain((string)late["id"]!, byCreation.Select(n => (string)n["id"]!));

        Assert.Equal(truth.Count(p => p["featuredAt"] is not null), await TotalAsync("featured: true"));
    }

    [Fact]
    public async Task Featured_false_filters_nothing()
    {
        var all = await TotalAsync("first: 1");
        Assert.Equal(all, await TotalAsync("featured: false"));
        Assert.True(await TotalAsync("featured: true") < all);
    }

    [Fact]
    public async Task Unknown_topic_slug_returns_an_empty_connection()
    {
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                "{ posts(topic: \"no-such-topic-anywhere\") { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }"
            )
        ).EnsureData();
        Assert.Equal(0, (int)answer.Data!["posts"]!["totalCount"]!);
        Assert.Empty(answer.Data!["posts"]!["edges"]!.AsArray());
        Assert.Null(answer.Data!["posts"]!["pageInfo"]!["endCursor"]);
    }

    [Fact]
    public async Task Known_topic_slug_selects_the_topic_posts()
    {
        var links = Api.Lines(await Api.TruthAsync(simulator.Host, "post_topics")).ToList();
        var topics = Api.Lines(await Api.TruthAsync(simulator.Host, "topics"))
            .ToDictionary(t => (string)t["id"]!, t => (string)t["slug"]!);
        var top = links.GroupBy(l => (string)l["topicId"]!).OrderByDescending(g => g.Count()).First();
        Assert.Equal(top.Count(), await TotalAsync($"topic: \"{topics[top.Key]}\""));
    }

    [Theory]
    [InlineData("postedAfter: \"not a date\"")]
    [InlineData("postedBefore: \"2020-13-45T99:00:00Z\"")]
    [InlineData("postedAfter: \"\", postedBefore: \"yesterday\"")]
    public async Task Unparseable_DateTime_is_ignored(string arguments)
    {
        Assert.Equal(await TotalAsync("first: 1"), await TotalAsync(arguments));
    }

    [Fact]
    public async Task Unparseable_DateTime_variable_is_ignored()
    {
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                "query($a: DateTime) { posts(postedAfter: $a) { totalCount } }",
                new { a = "garbage" }
            )
        ).EnsureData();
        Assert.Equal(await TotalAsync("first: 1"), (int)answer.Data!["posts"]!["totalCount"]!);
    }
}
