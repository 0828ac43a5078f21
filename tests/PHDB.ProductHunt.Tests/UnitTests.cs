using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using PHDB.Domain;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt.Tests;

/// <summary>Budget headers, redaction and node rejection, without a server.</summary>
public sealed class UnitTests(SharedSimulator shared)
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("X-Rate-Limit-")]
    [InlineData("X-RateLimit-")]
    public void Budget_headers_are_read_in_either_spelling(string prefix)
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add(prefix + "Limit", "6250");
        response.Headers.Add(prefix + "Remaining", "-50");
        response.Headers.Add(prefix + "Reset", "102");
        var budget = RateLimitSnapshot.FromHeaders(response.Headers, Now);
        Assert.Equal(new RateLimitSnapshot(6250, -50, TimeSpan.FromSeconds(102), Now), budget);
        Assert.Equal(Now.AddSeconds(102), budget.ResetAt);
        Assert.True(budget.IsKnown);
    }

    [Fact]
    public void Missing_or_garbled_budget_headers_are_unknown()
    {
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-Rate-Limit-Limit", "lots");
        var budget = RateLimitSnapshot.FromHeaders(response.Headers, Now);
        Assert.False(budget.IsKnown);
        Assert.Null(budget.ResetAt);
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("0", "[REDACTED]")]
    [InlineData("[REDACTED]", null)]
    [InlineData("123", "[REDACTED]")]
    public void Redacted_users_are_never_user_zero(string id, string? username)
    {
        var reference = EntityMapper.UserRef("userId", id, username);
        Assert.Equal(UserRef.Redacted, reference);
        Assert.True(reference.IsRedacted);
        Assert.Null(
            EntityMapper.User(
                new UserNode(
                    id,
                    "[REDACTED]",
                    username ?? "[REDACTED]",
                    null,
                    null,
                    null,
                    "[REDACTED]",
                    Now,
                    null,
                    null,
                    false
                ),
                "user"
            )
        );
    }

    [Fact]
    public void Disclosed_users_are_references_and_users()
    {
        Assert.Equal(UserRef.Of(42), EntityMapper.UserRef("userId", "42"));
        var user = EntityMapper.User(
            new UserNode("42", "Ann", "ann", null, null, null, "https://x/@ann", Now, null, null, true),
            "user"
        );
        Assert.Equal(42, user!.Id);
        var error = Assert.Throws<DataValidationException>(() => EntityMapper.UserRef("makers[1].id", "-7"));
        Assert.Equal(("makers[1].id", "-7"), (error.Field, error.Value));
        Assert.Contains("positive", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_violating_node_is_reported_and_skipped_without_poisoning_the_page()
    {
        var item = new PostsPage { First = 4 };
        var document = PackBuilder.Build([item]);
        using var http = shared.Host.CreateClient();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("query", document.Query);
            json.WritePropertyName("variables");
            PackBuilder.WriteVariables(json, document.Variables);
            json.WriteEndObject();
        }

        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(shared.Host.GraphQLEndpoint, content, Testing.Cancel);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(Testing.Cancel))!["data"]!["a0"]!;
        var nodes = page["nodes"]!.AsArray();
        nodes[1]!["name"] = null;
        nodes[2]!["votesCount"] = "many";
        nodes[3]!["makers"]!.AsArray().Add(null);

        var rejected = new List<NodeRejected>();
        var builder = new ResultBuilder(item, "a0", Now, rejected.Add);
        using var parsed = JsonDocument.Parse(page.ToJsonString());
        item.Map(parsed.RootElement, builder);
        var result = builder.Build();

        Assert.Single(result.Batch.Posts);
        Assert.Equal(4, result.NodeCount);
        Assert.Equal(3, result.Rejected.Count);
        Assert.Equal(result.Rejected, rejected);
        Assert.Equal(
            ("nodes[1]", "name", null),
            (result.Rejected[0].Path, result.Rejected[0].Field, result.Rejected[0].Value)
        );
        Assert.Equal("nodes[2]", result.Rejected[1].Path);
        Assert.Contains("votesCount", result.Rejected[1].Field, StringComparison.Ordinal);
        Assert.StartsWith("makers[", result.Rejected[2].Field, StringComparison.Ordinal);
        Assert.NotNull(result.Next);
    }
}
