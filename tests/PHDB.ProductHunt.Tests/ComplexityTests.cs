using System.Text.Json;
using System.Text.RegularExpressions;
using PHDB.Simulator.Hosting;

namespace PHDB.ProductHunt.Tests;

/// <summary>The estimator agrees with the server's count, and the packer splits and learns under a low cap.</summary>
public sealed partial class ComplexityTests
{
    [GeneratedRegex(@"Query has complexity of (\d+)")]
    private static partial Regex Reported();

    private static async Task<int> ServerComplexityAsync(
        SimulatorHost simulator,
        string query,
        IReadOnlyList<VariableValue> variables
    )
    {
        using var http = simulator.CreateClient();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("query", query);
            json.WritePropertyName("variables");
            PackBuilder.WriteVariables(json, variables);
            json.WriteEndObject();
        }

        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync(simulator.GraphQLEndpoint, content, Testing.Cancel);
        var body = await response.Content.ReadAsStringAsync(Testing.Cancel);
        var match = Reported().Match(body);
        Assert.True(match.Success, body);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_estimate_equals_the_servers_count_for_every_shape()
    {
        await using var simulator = await Testing.StartSimulatorAsync(o => o.MaxComplexity = 1);
        foreach (var item in Generators.OneOfEachKind.Append(new PostCommentsPage(1) { First = 7, RepliesFirst = 0 }))
        {
            var document = PackBuilder.Build([item]);
            var estimate = ComplexityEstimator.Estimate(document.Query, document.IntVariables);
            Assert.Equal(await ServerComplexityAsync(simulator, document.Query, document.Variables), estimate);
        }

        var all = PackBuilder.Build(Generators.OneOfEachKind);
        Assert.Equal(
            await ServerComplexityAsync(simulator, all.Query, all.Variables),
            ComplexityEstimator.Estimate(all.Query, all.IntVariables)
        );
        foreach (var name in OperationCatalog.OperationNames)
        {
            var query = OperationCatalog.Operation(name);
            IReadOnlyList<VariableValue> variables = name == "Comment" ? [new VariableValue("id", "ID!", "1")] : [];
            Assert.Equal(await ServerComplexityAsync(simulator, query, variables), ComplexityEstimator.Estimate(query));
        }
    }

    [Fact]
    public void The_client_plans_packs_under_the_cap()
    {
        var options = new ProductHuntOptions { Token = "t", MaxComplexity = 1000 };
        using var client = new ProductHuntClient(
            new HttpClient(),
            Microsoft.Extensions.Options.Options.Create(options)
        );
        var plan = client.Plan([.. Enumerable.Range(0, 8).Select(_ => (WorkItem)new PostsPage { First = 20 })]);
        Assert.All(
            plan,
            group =>
            {
                var document = PackBuilder.Build(group);
                Assert.InRange(ComplexityEstimator.Estimate(document.Query, document.IntVariables), 1, 1000);
            }
        );
        Assert.Equal(8, plan.Sum(g => g.Count));
        Assert.All(plan.SelectMany(g => g), item => Assert.InRange(((PostsPage)item).First, 1, 19));
    }

    [Fact]
    public async Task Under_a_lower_cap_than_assumed_the_client_splits_learns_and_then_fits_first_time()
    {
        await using var simulator = await Testing.StartSimulatorAsync(o => o.MaxComplexity = 400);
        using var client = Testing.Client(simulator, o => o.MaxComplexity = 1000);
        var items = SixPagesOfThree();

        var first = await client.ExecuteAsync(items, Testing.Cancel);
        Assert.All(first.Results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.All(first.Results, r => Assert.Equal(3, r.Batch.Posts.Count));
        Assert.Equal(18, first.Results.SelectMany(r => r.Batch.Posts).Select(p => p.Id).Distinct().Count());
        Assert.True(first.Splits >= 1);
        Assert.Equal(400, client.Complexity.Cap);
        Assert.InRange(client.Complexity.LargestAccepted, 1, 400);

        var again = await client.ExecuteAsync(items, Testing.Cancel);
        Assert.Equal(0, again.Splits);
        Assert.Equal(
            first.Results.SelectMany(r => r.Batch.Posts).Select(p => p.Id),
            again.Results.SelectMany(r => r.Batch.Posts).Select(p => p.Id)
        );
    }

    [Fact]
    public async Task A_call_allowed_one_request_leaves_what_a_refused_pack_splits_into_for_the_next()
    {
        // A rate-budget slot pays for one request: the pack refused for complexity is that request, and its parts
        // wait, not sent, for the calls that follow; each of those sends one.
        await using var simulator = await Testing.StartSimulatorAsync(o => o.MaxComplexity = 400);
        using var client = Testing.Client(simulator, o => o.MaxComplexity = 0);
        var items = SixPagesOfThree();

        var refused = await client.ExecuteAsync(items, maxRequests: 1, Testing.Cancel);
        Assert.Equal(1, refused.Requests);
        Assert.All(refused.Results, r => Assert.IsType<ProductHuntDeferredException>(r.Error));
        Assert.Equal(400, client.Complexity.Cap);

        var posts = new List<long>();
        var calls = 0;
        while (items.Count > 0 && calls++ < 10)
        {
            var pack = await client.ExecuteAsync(items, maxRequests: 1, Testing.Cancel);
            Assert.Equal(1, pack.Requests);
            Assert.All(
                pack.Results,
                r => Assert.True(r.Succeeded || r.Error is ProductHuntDeferredException, r.Error?.Message)
            );
            posts.AddRange(pack.Results.Where(r => r.Succeeded).SelectMany(r => r.Batch.Posts).Select(p => p.Id));
            items = [.. pack.Results.Where(r => !r.Succeeded).Select(r => r.Item)];
        }

        Assert.Empty(items);
        Assert.InRange(calls, 2, 6);
        Assert.Equal(18, posts.Distinct().Count());
    }

    [Fact]
    public async Task A_lone_page_over_the_cap_is_shrunk_and_continues_where_it_stopped()
    {
        await using var simulator = await Testing.StartSimulatorAsync(o => o.MaxComplexity = 300);
        using var client = Testing.Client(simulator, o => o.MaxComplexity = 0);
        Assert.Equal(0, client.Complexity.Cap);
        var pack = await client.ExecuteAsync([new PostsPage { First = 20 }], Testing.Cancel);
        Assert.Equal(300, client.Complexity.Cap);
        var result = Assert.Single(pack.Results);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(pack.Splits >= 1);
        var size = ((PostsPage)result.Item).First;
        Assert.InRange(size, 1, 19);
        Assert.Equal(size, result.Batch.Posts.Count);
        Assert.Equal(20, ((PostsPage)result.Next!).First);
        var next = await client.ExecuteAsync([result.Next!], Testing.Cancel);
        Assert.Equal(0, next.Splits);
        Assert.Equal(size, next.Results[0].Batch.Posts.Count);
        Assert.Empty(result.Batch.Posts.Select(p => p.Id).Intersect(next.Results[0].Batch.Posts.Select(p => p.Id)));
    }

    /// <summary>The first 18 posts as six pages of three, one after the other.</summary>
    private static List<WorkItem> SixPagesOfThree() =>
        [
            .. Enumerable
                .Range(0, 6)
                .Select(i => (WorkItem)new PostsPage { First = 3, After = i == 0 ? null : Cursor(i * 3) }),
        ];

    private static string Cursor(int offset) =>
        Convert.ToBase64String(
            System.Text.Encoding.ASCII.GetBytes(offset.ToString(System.Globalization.CultureInfo.InvariantCulture))
        );
}
