using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace PHDB.Simulator.Tests;

/// <summary>Tokens, scopes, the OAuth exchange, and the 401/400 bodies.</summary>
public sealed class AccessTests(SharedSimulator simulator)
{
    private const string InvalidToken =
        """{"data":null,"errors":[{"error":"invalid_oauth_token","error_description":"Please supply a valid access token. Refer to our api documentation about how to authorize and construct requests."}]}""";

    private async Task<string> ExchangeAsync(
        string clientId = "phdb-simulator-client",
        string secret = "phdb-simulator-secret"
    )
    {
        using var client = new HttpClient { BaseAddress = simulator.Host.BaseAddress };
        using var response = await client.PostAsJsonAsync(
            new Uri("v2/oauth/token", UriKind.Relative),
            new
            {
                client_id = clientId,
                client_secret = secret,
                grant_type = "client_credentials",
            },
            TestContext.Current.CancellationToken
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("public", (string)body["scope"]!);
        Assert.Equal("Bearer", (string)body["token_type"]!);
        return (string)body["access_token"]!;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task Missing_or_invalid_token_is_401_with_the_live_body(string? token)
    {
        using var client = new HttpClient { BaseAddress = simulator.Host.BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        var answer = await Api.PostAsync(client, "{ viewer { user { id } } }");
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(InvalidToken, answer.Body);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"query\":\"\"}")]
    [InlineData("not json")]
    public async Task Missing_query_is_400_with_the_live_body(string body)
    {
        using var client = simulator.Host.CreateClient();
        var answer = await Api.SendAsync(client, body);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotEmpty(answer.Header("X-Rate-Limit-Remaining"));
        var error = answer.Json["errors"]![0]!;
        Assert.Equal("query_missing", (string)error["error"]!);
        Assert.False(string.IsNullOrEmpty((string?)error["error_description"]));
        Assert.Null(answer.Json["data"]);
    }

    [Fact]
    public async Task Developer_token_viewer_is_the_application_owner()
    {
        var answer = (
            await Api.QueryAsync(simulator.Host, "{ viewer { user { id username isViewer isMaker } } }")
        ).EnsureData();
        var user = answer.Data!["viewer"]!["user"]!;
        Assert.NotEqual("0", (string)user["id"]!);
        Assert.NotEqual("[REDACTED]", (string)user["username"]!);
        Assert.True((bool)user["isViewer"]!);
    }

    [Fact]
    public async Task Client_credentials_token_has_public_scope_viewer_null_and_nothing_voted()
    {
        var token = await ExchangeAsync();
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                "{ viewer { user { id } } posts(first: 20, order: VOTES) { edges { node { isVoted isCollected } } } }",
                token: token
            )
        ).EnsureData();
        Assert.Null(answer.Data!["viewer"]);
        Assert.All(answer.Data!["posts"]!["edges"]!.AsArray(), e => Assert.False((bool)e!["node"]!["isVoted"]!));
    }

    [Fact]
    public async Task Client_credentials_token_shares_its_application_budget()
    {
        var token = await ExchangeAsync("second-client", "second-secret");
        var before = simulator.Host.Stats.For("Second App").Read().Requests;
        (await Api.QueryAsync(simulator.Host, "{ posts(first: 1) { totalCount } }", token: token)).EnsureData();
        Assert.Equal(before + 1, simulator.Host.Stats.For("Second App").Read().Requests);
    }

    [Fact]
    public async Task Unknown_client_is_401_and_other_grants_are_400()
    {
        using var client = new HttpClient { BaseAddress = simulator.Host.BaseAddress };
        using var wrong = await client.PostAsJsonAsync(
            new Uri("v2/oauth/token", UriKind.Relative),
            new
            {
                client_id = "x",
                client_secret = "y",
                grant_type = "client_credentials",
            },
            TestContext.Current.CancellationToken
        );
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(
            "invalid_client",
            (string)
                JsonNode.Parse(await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!
        );

        using var form = new FormUrlEncodedContent(
            new Dictionary<string, string> { ["grant_type"] = "password", ["client_id"] = "phdb-simulator-client" }
        );
        using var grant = await client.PostAsync(
            new Uri("v2/oauth/token", UriKind.Relative),
            form,
            TestContext.Current.CancellationToken
        );
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
        Assert.Equal(
            "unsupported_grant_type",
            (string)
                JsonNode.Parse(await grant.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!
        );
    }

    [Fact]
    public async Task Post_urls_carry_utm_parameters_naming_the_application()
    {
        var answer = (
            await Api.QueryAsync(
                simulator.Host,
                "{ posts(first: 3) { nodes { url website } } }",
                token: SharedSimulator.SecondToken
            )
        ).EnsureData();
        foreach (var node in answer.Data!["posts"]!["nodes"]!.AsArray())
        {
            foreach (var field in new[] { "url", "website" })
            {
                var url = new Uri((string)node![field]!);
                var query = System.Web.HttpUtility.ParseQueryString(url.Query);
                Assert.Equal("producthunt-api", query["utm_campaign"]);
                Assert.Equal("api-v2", query["utm_medium"]);
                Assert.Equal("Application: Second App (ID: 2002)", query["utm_source"]);
            }
        }
    }
}
