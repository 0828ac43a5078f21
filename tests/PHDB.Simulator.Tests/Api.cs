using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PHDB.Simulator.Hosting;

namespace PHDB.Simulator.Tests;

/// <summary>Posts GraphQL queries to a simulator over real HTTP and reads the answers.</summary>
internal static class Api
{
    public static async Task<ApiAnswer> QueryAsync(
        SimulatorHost host,
        string query,
        object? variables = null,
        string? token = null
    )
    {
        using var client = host.CreateClient(token);
        return await PostAsync(client, query, variables);
    }

    public static async Task<ApiAnswer> PostAsync(HttpClient client, string query, object? variables = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        return await SendAsync(client, body);
    }

    public static async Task<ApiAnswer> SendAsync(HttpClient client, string rawBody)
    {
        using var content = new StringContent(rawBody, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(
            new Uri("v2/api/graphql", UriKind.Relative),
            content,
            TestContext.Current.CancellationToken
        );
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ApiAnswer(response.StatusCode, response.Headers, text);
    }

    public static async Task<string> TruthAsync(SimulatorHost host, string kind)
    {
        using var client = host.CreateClient();
        return await client.GetStringAsync(
            new Uri($"_sim/truth/{kind}", UriKind.Relative),
            TestContext.Current.CancellationToken
        );
    }

    public static IEnumerable<JsonObject> Lines(string ndjson) =>
        ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject());
}

/// <summary>An HTTP answer of the API.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, HttpResponseHeaders Headers, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public JsonNode? Data => Json["data"];

    public JsonArray? Errors => Json["errors"]?.AsArray();

    public string Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.Single() : throw new KeyNotFoundException(name);

    /// <summary>Fails with the body when the answer carries errors.</summary>
    public ApiAnswer EnsureData()
    {
        Assert.True(Status == HttpStatusCode.OK && Errors is null, Body);
        return this;
    }
}
