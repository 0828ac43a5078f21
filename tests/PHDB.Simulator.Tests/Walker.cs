using System.Text.Json.Nodes;
using PHDB.Simulator.Hosting;

namespace PHDB.Simulator.Tests;

/// <summary>Walks a posts connection page by page with the offset cursors.</summary>
internal static class Walker
{
    public static async Task<List<JsonNode>> AllPostsAsync(
        SimulatorHost host,
        string arguments,
        string fields = "id createdAt featuredAt votesCount",
        int pageSize = 20
    )
    {
        using var client = host.CreateClient();
        var nodes = new List<JsonNode>();
        string? after = null;
        for (var guard = 0; guard < 10_000; guard++)
        {
            var query =
                $"query($after: String) {{ posts({arguments}, first: {pageSize}, after: $after) {{ edges {{ node {{ {fields} }} }} pageInfo {{ endCursor hasNextPage }} }} }}";
            var answer = (await Api.PostAsync(client, query, new { after })).EnsureData();
            var posts = answer.Data!["posts"]!;
            nodes.AddRange(posts["edges"]!.AsArray().Select(e => e!["node"]!.DeepClone()));
            if (!(bool)posts["pageInfo"]!["hasNextPage"]!)
            {
                return nodes;
            }

            after = (string?)posts["pageInfo"]!["endCursor"];
        }

        throw new InvalidOperationException("The connection did not end.");
    }
}
