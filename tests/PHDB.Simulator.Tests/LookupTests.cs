using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PHDB.Simulator.Api;

namespace PHDB.Simulator.Tests;

/// <summary>The query root's lookups and lists, scalars, and the shapes of nested fields.</summary>
public sealed partial class LookupTests(SharedSimulator simulator)
{
    private static readonly string[] MediaTypes = ["image", "video"];

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex NumericId();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")]
    private static partial Regex WholeSecondUtc();

    [Fact]
    public async Task Ids_are_numeric_strings_and_DateTimes_are_utc_without_fractions()
    {
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                "{ posts(first: 5, order: VOTES) { nodes { id createdAt featuredAt comments(first: 3) { nodes { id createdAt votes(first: 2) { nodes { id createdAt } } } } votes(first: 3) { nodes { id createdAt } } topics { nodes { id createdAt } } } } }"
            )
        ).EnsureData();
        var ids = answer.Json.ToJsonString();
        var nodes = answer.Data!["posts"]!["nodes"]!.AsArray();
        foreach (var post in nodes)
        {
            Assert.Matches(NumericId(), (string)post!["id"]!);
            Assert.Matches(WholeSecondUtc(), (string)post["createdAt"]!);
            foreach (
                var item in post["comments"]!["nodes"]!
                    .AsArray()
                    .Concat(post["votes"]!["nodes"]!.AsArray())
                    .Concat(post["topics"]!["nodes"]!.AsArray())
            )
            {
                Assert.Matches(NumericId(), (string)item!["id"]!);
                Assert.Matches(WholeSecondUtc(), (string)item["createdAt"]!);
            }
        }

        Assert.Contains("\"featuredAt\":\"", ids, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_are_found_by_id_and_slug_and_users_by_id_and_lower_cased_username()
    {
        var first = (
            await Api.QueryAsync(
                simulator.Host,
                "{ posts(first: 1) { nodes { id slug } } viewer { user { id username } } }"
            )
        )
            .EnsureData()
            .Data!;
        var post = first["posts"]!["nodes"]![0]!;
        var viewer = first["viewer"]!["user"]!;
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                $"{{ a: post(id: \"{post["id"]}\") {{ slug }} b: post(slug: \"{post["slug"]}\") {{ id }} c: user(id: \"{viewer["id"]}\") {{ username }} d: user(username: \"{((string)viewer["username"]!).ToUpperInvariant()}\") {{ id }} }}"
            )
        )
            .EnsureData()
            .Data!;
        Assert.Equal((string)post["slug"]!, (string)answer["a"]!["slug"]!);
        Assert.Equal((string)post["id"]!, (string)answer["b"]!["id"]!);
        Assert.Equal((string)viewer["username"]!, (string)answer["c"]!["username"]!);
        Assert.Equal((string)viewer["id"]!, (string)answer["d"]!["id"]!);
    }

    [Fact]
    public async Task Topics_list_orders_and_filters_by_name()
    {
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                "{ a: topics(order: FOLLOWERS_COUNT) { nodes { followersCount } } b: topics { nodes { createdAt } } c: topics(query: \"developer\") { nodes { name } } }"
            )
        )
            .EnsureData()
            .Data!;
        var followers = answer["a"]!["nodes"]!.AsArray().Select(t => (int)t!["followersCount"]!).ToList();
        Assert.Equal(followers.OrderDescending(), followers);
        var created = answer["b"]!["nodes"]!.AsArray().Select(t => (string)t!["createdAt"]!).ToList();
        Assert.Equal(created.OrderDescending(StringComparer.Ordinal), created);
        Assert.NotEmpty(answer["c"]!["nodes"]!.AsArray());
        Assert.All(
            answer["c"]!["nodes"]!.AsArray(),
            t => Assert.Contains("developer", (string)t!["name"]!, StringComparison.OrdinalIgnoreCase)
        );
    }

    [Fact]
    public async Task Collections_filter_by_post_and_user_and_unpublished_ones_are_hidden()
    {
        var links = Api.Lines(await Api.TruthAsync(simulator.Host, "collection_posts")).First();
        var postId = (string)links["postId"]!;
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                $"{{ collections(postId: \"{postId}\") {{ nodes {{ id userId followersCount }} }} }}"
            )
        )
            .EnsureData()
            .Data!;
        Assert.Contains(
            (string)links["collectionId"]!,
            answer["collections"]!["nodes"]!.AsArray().Select(c => (string)c!["id"]!)
        );

        var world = simulator.Host.Services.GetRequiredService<SimulatorState>().World;
        var hidden = world.Collections.First(c => !c.Published);
        var lookup = (await Api.QueryAsync(simulator.Host, $"{{ collection(id: \"{hidden.Id}\") {{ id }} }}"))
            .EnsureData()
            .Data!;
        Assert.Null(lookup["collection"]);

        var featured = (
            await Api.QueryAsync(
                simulator.Host,
                "{ collections(featured: true, order: FEATURED_AT) { nodes { featuredAt } } }"
            )
        )
            .EnsureData()
            .Data!;
        Assert.All(featured["collections"]!["nodes"]!.AsArray(), c => Assert.NotNull(c!["featuredAt"]));

        var byFollowers = (await Api.QueryAsync(simulator.Host, "{ collections { nodes { followersCount } } }"))
            .EnsureData()
            .Data!;
        var counts = byFollowers["collections"]!["nodes"]!.AsArray().Select(c => (int)c!["followersCount"]!).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
    }

    [Fact]
    public async Task Post_comments_are_top_level_newest_first_with_sticky_ones_first()
    {
        var world = simulator.Host.Services.GetRequiredService<SimulatorState>().World;
        var now = PHDB.Simulator.World.SimInstant.From(simulator.Host.Clock.UtcNow);
        var post = Enumerable
            .Range(0, world.VisiblePostCount(now))
            .First(p => world.IsCommentSticky(p, 0) && world.PostCommentsAt(p, now) > 3);
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                $"{{ post(id: \"{world.Posts[post].Id}\") {{ comments(first: 20) {{ nodes {{ id parentId createdAt }} }} byVotes: comments(first: 20, order: VOTES_COUNT) {{ nodes {{ id votesCount }} }} }} }}"
            )
        )
            .EnsureData()
            .Data!["post"]!;
        var comments = answer["comments"]!["nodes"]!.AsArray();
        Assert.Equal(world.CommentId(post, 0).ToString(CultureInfo.InvariantCulture), (string)comments[0]!["id"]!);
        Assert.All(comments, c => Assert.Null(c!["parentId"]));
        var rest = comments.Skip(1).Select(c => (string)c!["createdAt"]!).ToList();
        Assert.Equal(rest.OrderDescending(StringComparer.Ordinal), rest);
        var votes = answer["byVotes"]!["nodes"]!.AsArray().Skip(1).Select(c => (int)c!["votesCount"]!).ToList();
        Assert.Equal(votes.OrderDescending(), votes);
    }

    [Fact]
    public async Task Media_links_and_follow_lists_have_the_documented_shapes()
    {
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                "{ posts(first: 20) { nodes { media { type url(width: 100, height: 50) videoUrl } thumbnail { type url } productLinks { type url } } } viewer { user { following { totalCount } followers(first: 3) { totalCount nodes { id } } } } }"
            )
        )
            .EnsureData()
            .Data!;
        foreach (var post in answer["posts"]!["nodes"]!.AsArray())
        {
            Assert.NotEmpty(post!["media"]!.AsArray());
            Assert.All(
                post["media"]!.AsArray(),
                m =>
                {
                    Assert.Contains((string)m!["type"]!, MediaTypes);
                    Assert.Contains("w=100", (string)m["url"]!, StringComparison.Ordinal);
                    Assert.Equal((string)m["type"]! == "video", m["videoUrl"] is not null);
                }
            );
            Assert.Equal("website", (string)post["productLinks"]![0]!["type"]!);
            Assert.All(
                post["productLinks"]!.AsArray(),
                l => Assert.StartsWith("https://www.producthunt.com/r/", (string)l!["url"]!, StringComparison.Ordinal)
            );
        }

        Assert.Equal(0, (int)answer["viewer"]!["user"]!["following"]!["totalCount"]!);
    }

    [Fact]
    public void Every_field_of_the_contract_has_a_resolver()
    {
        var schema = simulator.Host.Services.GetRequiredService<SimulatorState>().Schema;
        var missing = PHDB
            .Simulator.GraphQL.ProductHuntSchema.Fields(schema)
            .Where(f => !f.Type.EndsWith("Interface", StringComparison.Ordinal))
            .Where(f =>
                ((global::GraphQL.Types.IComplexGraphType)schema.AllTypes[f.Type]!).GetField(f.Field)!.Resolver is null
            )
            .ToList();
        Assert.Empty(missing);
    }
}
