using System.Net;
using System.Text.Json.Nodes;

namespace PHDB.Simulator.Tests;

/// <summary>The truth endpoints agree with what the API returns.</summary>
public sealed class TruthTests(SharedSimulator simulator)
{
    private async Task<List<JsonNode>> WalkAsync(string field, string arguments, string fields)
    {
        using var client = simulator.Host.CreateClient();
        var nodes = new List<JsonNode>();
        string? after = null;
        while (true)
        {
            var closing = string.Join(' ', Enumerable.Repeat("}", field.Count(c => c == '{')));
            var answer = (
                await Api.PostAsync(
                    client,
                    $"query($after: String) {{ {field}({arguments}, after: $after) {{ nodes {{ {fields} }} pageInfo {{ endCursor hasNextPage }} }} {closing} }}",
                    new { after }
                )
            ).EnsureData();
            var connection = Dig(answer.Data!);
            nodes.AddRange(connection["nodes"]!.AsArray().Select(n => n!.DeepClone()));
            if (!(bool)connection["pageInfo"]!["hasNextPage"]!)
            {
                return nodes;
            }

            after = (string?)connection["pageInfo"]!["endCursor"];
        }

        static JsonNode Dig(JsonNode node)
        {
            while (node is JsonObject o && !o.ContainsKey("nodes"))
            {
                node = o.First().Value!;
            }

            return node;
        }
    }

    [Fact]
    public async Task Comments_and_their_threads_match_the_truth()
    {
        var truth = Api.Lines(await Api.TruthAsync(simulator.Host, "comments")).ToList();
        var postId = truth.GroupBy(c => (string)c["postId"]!).OrderByDescending(g => g.Count()).First().Key;
        var expected = truth.Where(c => (string)c["postId"]! == postId).ToList();

        var topLevel = await WalkAsync(
            $"post(id: \"{postId}\") {{ comments",
            "first: 10",
            "id votesCount parentId replies(first: 20) { totalCount nodes { id parentId } }"
        );
        var seen = topLevel.Select(c => (string)c["id"]!).ToList();
        foreach (var comment in topLevel)
        {
            Assert.Null(comment["parentId"]);
            Assert.Equal((int)comment["replies"]!["totalCount"]!, comment["replies"]!["nodes"]!.AsArray().Count);
            seen.AddRange(comment["replies"]!["nodes"]!.AsArray().Select(r => (string)r!["id"]!));
        }

        Assert.Equal(
            expected.Select(c => (string)c["id"]!).Order(StringComparer.Ordinal),
            seen.Order(StringComparer.Ordinal)
        );
        Assert.Equal(expected.Count(c => c["parentId"] is null), topLevel.Count);
        var votes = expected.ToDictionary(c => (string)c["id"]!, c => (int)c["votesCount"]!);
        Assert.All(topLevel, c => Assert.Equal(votes[(string)c["id"]!], (int)c["votesCount"]!));
    }

    [Fact]
    public async Task Votes_match_the_truth_newest_first()
    {
        var posts = Api.Lines(await Api.TruthAsync(simulator.Host, "posts")).ToList();
        var post = posts.Where(p => (int)p["votesCount"]! is > 40 and < 200).First();
        var postId = (string)post["id"]!;
        var votes = await WalkAsync($"post(id: \"{postId}\") {{ votes", "first: 20", "id createdAt userId");
        Assert.Equal((int)post["votesCount"]!, votes.Count);
        Assert.All(votes, v => Assert.Equal("0", (string)v["userId"]!));
        var times = votes.Select(v => (string)v["createdAt"]!).ToList();
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);

        var truth = Api.Lines(await Api.TruthAsync(simulator.Host, "votes"))
            .Where(v => (string)v["subjectType"]! == "Post" && (string)v["subjectId"]! == postId);
        Assert.Equal(
            truth.Select(v => (string)v["id"]!).Order(StringComparer.Ordinal),
            votes.Select(v => (string)v["id"]!).Order(StringComparer.Ordinal)
        );

        var middle = times[times.Count / 2];
        var bounded = await WalkAsync(
            $"post(id: \"{postId}\") {{ votes",
            $"first: 20, createdAfter: \"{middle}\"",
            "createdAt"
        );
        Assert.Equal(times.Count(t => string.CompareOrdinal(t, middle) >= 0), bounded.Count);
    }

    [Fact]
    public async Task Links_and_counts_match_the_truth()
    {
        var makers = Api.Lines(await Api.TruthAsync(simulator.Host, "post_makers")).ToLookup(l => (string)l["postId"]!);
        var topics = Api.Lines(await Api.TruthAsync(simulator.Host, "post_topics")).ToLookup(l => (string)l["postId"]!);
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                "{ posts(first: 20, order: VOTES) { nodes { id makers { id } topics { nodes { id } } collections { totalCount } } } }"
            )
        ).EnsureData();
        foreach (var post in answer.Data!["posts"]!["nodes"]!.AsArray())
        {
            var id = (string)post!["id"]!;
            Assert.Equal(makers[id].Count(), post["makers"]!.AsArray().Count);
            Assert.Equal(
                topics[id].Select(t => (string)t["topicId"]!),
                post["topics"]!["nodes"]!.AsArray().Select(t => (string)t!["id"]!)
            );
        }

        var collectionPosts = Api.Lines(await Api.TruthAsync(simulator.Host, "collection_posts"))
            .ToLookup(l => (string)l["collectionId"]!);
        var biggest = collectionPosts.OrderByDescending(g => g.Count()).First();
        var inCollection = await WalkAsync($"collection(id: \"{biggest.Key}\") {{ posts", "first: 20", "id");
        Assert.Equal(
            biggest.Select(l => (string)l["postId"]!).Order(StringComparer.Ordinal),
            inCollection.Select(p => (string)p["id"]!).Order(StringComparer.Ordinal)
        );

        var topicTruth = Api.Lines(await Api.TruthAsync(simulator.Host, "topics")).First();
        var topic = (
            await Api.QueryAsync(
                simulator.Host,
                $"{{ topic(slug: \"{(string)topicTruth["slug"]!}\") {{ id postsCount followersCount }} }}"
            )
        )
            .EnsureData()
            .Data!["topic"]!;
        Assert.Equal((int)topicTruth["postsCount"]!, (int)topic["postsCount"]!);
        Assert.Equal((string)topicTruth["id"]!, (string)topic["id"]!);

        var collections = Api.Lines(await Api.TruthAsync(simulator.Host, "collections")).Count();
        var total = (await Api.QueryAsync(simulator.Host, "{ collections { totalCount } }")).EnsureData().Data![
            "collections"
        ]!["totalCount"]!;
        Assert.Equal(collections, (int)total);
    }

    [Fact]
    public async Task Unknown_truth_is_404_and_control_paths_are_not_api_paths()
    {
        using var client = simulator.Host.CreateClient();
        using var response = await client.GetAsync(
            new Uri("_sim/truth/everything", UriKind.Relative),
            TestContext.Current.CancellationToken
        );
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var stats = await client.GetAsync(
            new Uri("_sim/stats", UriKind.Relative),
            TestContext.Current.CancellationToken
        );
        stats.EnsureSuccessStatusCode();
        using var wrong = await client.GetAsync(
            new Uri("v2/api/graphql/_sim/stats", UriKind.Relative),
            TestContext.Current.CancellationToken
        );
        Assert.NotEqual(HttpStatusCode.OK, wrong.StatusCode);
    }
}
