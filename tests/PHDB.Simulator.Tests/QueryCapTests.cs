using System.Net;
using PHDB.Simulator.Configuration;

namespace PHDB.Simulator.Tests;

/// <summary>Complexity and depth caps, and the shape of validation errors.</summary>
public sealed class QueryCapTests(SharedSimulator simulator)
{
    private static string Aliased(int aliases, string fields) =>
        "{ "
        + string.Join(
            ' ',
            Enumerable
                .Range(0, aliases)
                .Select(i => $"w{i}: posts(first: 20, order: NEWEST) {{ edges {{ node {{ {fields} }} }} }}")
        )
        + " }";

    [Fact]
    public async Task Eight_aliased_pages_fit_under_the_default_cap()
    {
        // Each alias: 1 + 20 × (edges 1 + node 1 + 4 scalars) = 121; eight of them cost 968.
        var answer = (await Api.QueryAsync(simulator.Host, Aliased(8, "id name tagline votesCount"))).EnsureData();
        Assert.Equal(20, answer.Data!["w7"]!["edges"]!.AsArray().Count);
    }

    [Fact]
    public async Task Complexity_over_the_cap_is_refused_with_the_live_message()
    {
        var answer = await Api.QueryAsync(simulator.Host, Aliased(8, "id name tagline votesCount createdAt"));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Json.AsObject().ContainsKey("data"));
        Assert.Equal(
            "Query has complexity of 1128, which exceeds max complexity of 1000",
            (string)answer.Errors![0]!["message"]!
        );
    }

    [Fact]
    public async Task Connection_children_count_once_per_requested_item()
    {
        await using var host = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 200;
            o.Clock.Speed = 0;
            o.MaxComplexity = 30;
        });
        // 1 + 5 × (1 + 1 + 2) + pageInfo (1 + 1) = 23.
        (
            await Api.QueryAsync(host, "{ posts(first: 5) { edges { node { id name } } pageInfo { hasNextPage } } }")
        ).EnsureData();
        // 1 + 20 × 4 = 81 without first.
        var answer = await Api.QueryAsync(host, "{ posts { edges { node { id name } } } }");
        Assert.Equal(
            "Query has complexity of 81, which exceeds max complexity of 30",
            (string)answer.Errors![0]!["message"]!
        );
        // first above the page size counts as the page size.
        answer = await Api.QueryAsync(host, "{ posts(first: 500) { nodes { id name } } }");
        Assert.Equal(
            "Query has complexity of 61, which exceeds max complexity of 30",
            (string)answer.Errors![0]!["message"]!
        );
    }

    [Fact]
    public async Task Depth_over_the_cap_is_refused_with_the_live_message()
    {
        const string deep =
            "{ posts(first: 1) { edges { node { comments(first: 1) { edges { node { replies(first: 1) { edges { node { parent { parent { parent { user { id } } } } } } } } } } } } } }";
        var answer = await Api.QueryAsync(simulator.Host, deep);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Query has depth of 14, which exceeds max depth of 13", (string)answer.Errors![0]!["message"]!);

        const string thirteen =
            "{ posts(first: 1) { edges { node { comments(first: 1) { edges { node { replies(first: 1) { edges { node { parent { parent { user { id } } } } } } } } } } } } }";
        (await Api.QueryAsync(simulator.Host, thirteen)).EnsureData();
    }

    [Fact]
    public async Task Introspection_is_on_and_exempt_from_the_caps()
    {
        var answer = (await Api.QueryAsync(simulator.Host, SchemaTests.IntrospectionQuery)).EnsureData();
        Assert.NotEmpty(answer.Data!["__schema"]!["types"]!.AsArray());
    }

    [Fact]
    public async Task Validation_errors_are_200_with_graphql_ruby_messages_and_codes()
    {
        var answer = await Api.QueryAsync(simulator.Host, "{ posts(first: 1) { edges { node { id foo } } } }");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Json.AsObject().ContainsKey("data"));
        var error = answer.Errors![0]!;
        Assert.Equal("Field 'foo' doesn't exist on type 'Post'", (string)error["message"]!);
        Assert.Equal("undefinedField", (string)error["extensions"]!["code"]!);
        Assert.Equal(["query", "posts", "edges", "node", "foo"], error["path"]!.AsArray().Select(p => (string)p!));
        Assert.NotEmpty(error["locations"]!.AsArray());

        answer = await Api.QueryAsync(simulator.Host, "{ posts(bogus: 1) { totalCount } }");
        Assert.Equal("argumentNotAccepted", (string)answer.Errors![0]!["extensions"]!["code"]!);
        Assert.Equal("Field 'posts' doesn't accept argument 'bogus'", (string)answer.Errors![0]!["message"]!);

        answer = await Api.QueryAsync(simulator.Host, "{ comment { id } }");
        Assert.Equal("missingRequiredArguments", (string)answer.Errors![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task Missing_objects_are_null_not_errors()
    {
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                "{ post(id: \"999999999\") { id } user(username: \"nobody_zzzz\") { id } comment(id: \"1\") { id } topic(slug: \"nope\") { id } collection(id: \"3\") { id } }"
            )
        ).EnsureData();
        Assert.All(answer.Data!.AsObject(), pair => Assert.Null(pair.Value));
    }

    [Fact]
    public async Task Complexity_is_counted_by_the_connection_each_root_field_reads()
    {
        await using var host = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 200;
            o.Clock.Speed = 0;
        });
        var post = (await Api.QueryAsync(host, "{ posts(first: 1) { nodes { id } } }")).EnsureData();
        var id = (string)post.Data!["posts"]!["nodes"]![0]!["id"]!;

        // posts: 1 + 1 × (nodes 1 + id 1) = 3 above, 1 + 2 × 2 = 5 here; post.votes: post 1 + id 1 + votes
        // (1 + 3 × (1 + 2) + totalCount 1) = 13; post.comments: 1 + 1 + (1 + 2 × 2) = 7; user: 1 + 1 (no connection).
        (
            await Api.QueryAsync(
                host,
                $$"""
                { a: posts(first: 2) { nodes { id } }
                  b: post(id: "{{id}}") { id votes(first: 3) { nodes { id createdAt } totalCount } }
                  c: post(id: "{{id}}") { id comments(first: 2) { nodes { id } } }
                  d: user(username: "nobody") { id } }
                """
            )
        ).EnsureData();

        var byConnection = host.Stats.For(ApplicationOptions.Development.Name).ComplexityByConnection();
        Assert.Equal(3 + 5, byConnection["posts"]);
        Assert.Equal(13, byConnection["post.votes"]);
        Assert.Equal(7, byConnection["post.comments"]);
        Assert.Equal(2, byConnection["user"]);
    }
}
