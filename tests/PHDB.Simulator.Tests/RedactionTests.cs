namespace PHDB.Simulator.Tests;

/// <summary>Redaction of every user but the token's owner.</summary>
public sealed class RedactionTests(SharedSimulator simulator)
{
    private const string UserFields =
        "id name username url profileImage twitterUsername websiteUrl isMaker madePosts(first: 5) { totalCount }";

    [Fact]
    public async Task Makers_hunters_commenters_and_voters_are_redacted()
    {
        var query =
            $"{{ posts(first: 8, order: VOTES) {{ nodes {{ userId user {{ {UserFields} }} makers {{ {UserFields} }} comments(first: 3) {{ nodes {{ userId user {{ {UserFields} }} }} }} votes(first: 3) {{ nodes {{ userId user {{ {UserFields} }} }} }} }} }} viewer {{ user {{ id }} }} }}";
        var answer = (await Api.QueryAsync(simulator.Host, query)).EnsureData();
        var owner = (string)answer.Data!["viewer"]!["user"]!["id"]!;
        var users = new List<System.Text.Json.Nodes.JsonNode>();
        foreach (var post in answer.Data!["posts"]!["nodes"]!.AsArray())
        {
            users.Add(post!["user"]!);
            users.AddRange(post["makers"]!.AsArray()!);
            users.AddRange(post["comments"]!["nodes"]!.AsArray().Select(c => c!["user"]!));
            users.AddRange(post["votes"]!["nodes"]!.AsArray().Select(v => v!["user"]!));
            Assert.Equal((string)post["user"]!["id"]!, (string)post["userId"]!);
        }

        var others = users.Where(u => (string)u["id"]! != owner).ToList();
        Assert.True(others.Count > 40);
        Assert.All(
            others,
            u =>
            {
                Assert.Equal("0", (string)u["id"]!);
                Assert.Equal("[REDACTED]", (string)u["name"]!);
                Assert.Equal("[REDACTED]", (string)u["username"]!);
                Assert.Equal("[REDACTED]", (string)u["url"]!);
                Assert.Null(u["profileImage"]);
                Assert.Null(u["twitterUsername"]);
                Assert.Null(u["websiteUrl"]);
                Assert.False((bool)u["isMaker"]!);
                Assert.Equal(0, (int)u["madePosts"]!["totalCount"]!);
            }
        );
    }

    [Fact]
    public async Task The_owner_is_never_redacted()
    {
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                "{ viewer { user { id madePosts(first: 5) { totalCount nodes { makers { id username } } } } } }"
            )
        ).EnsureData();
        var owner = answer.Data!["viewer"]!["user"]!;
        var id = (string)owner["id"]!;
        Assert.True((int)owner["madePosts"]!["totalCount"]! > 0);
        Assert.All(
            owner["madePosts"]!["nodes"]!.AsArray(),
            post =>
                Assert.Contains(
                    post!["makers"]!.AsArray(),
                    m => (string)m!["id"]! == id && (string)m["username"]! != "[REDACTED]"
                )
        );
    }

    [Fact]
    public async Task Redaction_can_be_switched_off()
    {
        await using var host = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 300;
            o.Clock.Speed = 0;
            o.Redaction = false;
        });
        var answer = (
            await Api.QueryAsync(host, "{ posts(first: 20) { nodes { userId user { id username } makers { id } } } }")
        ).EnsureData();
        Assert.All(
            answer.Data!["posts"]!["nodes"]!.AsArray(),
            post =>
            {
                Assert.NotEqual("0", (string)post!["userId"]!);
                Assert.NotEqual("[REDACTED]", (string)post["user"]!["username"]!);
                Assert.All(post["makers"]!.AsArray(), m => Assert.NotEqual("0", (string)m!["id"]!));
            }
        );
    }
}
