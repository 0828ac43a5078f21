using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;

namespace PHDB.Simulator.Tests;

/// <summary>Injected faults: off by default, each kind as configured, reproducible from the seed.</summary>
public sealed class FaultTests
{
    private const string Query = "{ posts(first: 5) { nodes { id name } } }";

    private static Task<SimulatorHost> StartAsync(Action<FaultOptions> faults) =>
        TestSimulator.StartAsync(o =>
        {
            o.Scale = 200;
            o.Clock.Speed = 0;
            o.RateLimit.Points = int.MaxValue;
            faults(o.Faults);
        });

    [Fact]
    public async Task Server_error_is_500_with_the_live_body()
    {
        await using var host = await StartAsync(f => f.ServerErrorRate = 1);
        var answer = await Api.QueryAsync(host, Query);
        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("""{"error":{"message":"SERVER_ERROR"},"data":{}}""", answer.Body);
        Assert.Equal(1, host.Stats.For(ApplicationOptions.Development.Name).Read().Faults);
    }

    [Fact]
    public async Task GraphQL_error_comes_inside_a_200()
    {
        await using var host = await StartAsync(f => f.GraphQLErrorRate = 1);
        var answer = await Api.QueryAsync(host, Query);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.Json["data"]);
        Assert.NotEmpty(answer.Errors!);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Truncated_or_malformed_bodies_are_not_json(bool truncate)
    {
        await using var host = await StartAsync(f =>
        {
            if (truncate)
            {
                f.TruncateRate = 1;
            }
            else
            {
                f.MalformedRate = 1;
            }
        });
        var answer = await Api.QueryAsync(host, Query);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotEmpty(answer.Body);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(answer.Body));
    }

    [Fact]
    public async Task Dropped_connection_fails_the_request()
    {
        await using var host = await StartAsync(f => f.DropRate = 1);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Api.QueryAsync(host, Query));
    }

    [Fact]
    public async Task Slow_responses_are_delayed_and_timeouts_end_in_504()
    {
        await using var slow = await StartAsync(f =>
        {
            f.SlowRate = 1;
            f.SlowDelayMilliseconds = 300;
        });
        var watch = Stopwatch.StartNew();
        (await Api.QueryAsync(slow, Query)).EnsureData();
        Assert.True(watch.ElapsedMilliseconds >= 290, $"{watch.ElapsedMilliseconds} ms");

        await using var timeout = await StartAsync(f =>
        {
            f.TimeoutRate = 1;
            f.TimeoutMilliseconds = 200;
        });
        Assert.Equal(HttpStatusCode.GatewayTimeout, (await Api.QueryAsync(timeout, Query)).Status);
    }

    [Fact]
    public async Task Faults_are_off_by_default_reproducible_from_the_seed_and_replaceable()
    {
        static void Mixed(FaultOptions f)
        {
            f.ServerErrorRate = 0.2;
            f.GraphQLErrorRate = 0.2;
            f.TruncateRate = 0.1;
        }

        async Task<string> OutcomesAsync(SimulatorHost host)
        {
            using var client = host.CreateClient();
            var outcomes = new List<string>();
            for (var i = 0; i < 30; i++)
            {
                var answer = await Api.PostAsync(client, Query);
                outcomes.Add($"{(int)answer.Status}:{answer.Body.Length}");
            }

            return string.Join(',', outcomes);
        }

        await using var one = await StartAsync(Mixed);
        await using var two = await StartAsync(Mixed);
        var first = await OutcomesAsync(one);
        Assert.Equal(first, await OutcomesAsync(two));
        Assert.Contains("500:", first, StringComparison.Ordinal);

        using var client = one.CreateClient();
        using var put = await client.PutAsJsonAsync(
            new Uri("_sim/faults", UriKind.Relative),
            new FaultOptions(),
            TestContext.Current.CancellationToken
        );
        put.EnsureSuccessStatusCode();
        for (var i = 0; i < 10; i++)
        {
            (await Api.PostAsync(client, Query)).EnsureData();
        }

        await using var plain = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 200;
            o.Clock.Speed = 0;
        });
        Assert.False(plain.Options.Faults.Any);
    }
}
