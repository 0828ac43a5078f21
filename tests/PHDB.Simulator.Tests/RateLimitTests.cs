using System.Net;
using Microsoft.Extensions.Time.Testing;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;

namespace PHDB.Simulator.Tests;

/// <summary>The per-application, fixed and lazy rate-limit window.</summary>
public sealed class RateLimitTests
{
    private const string Query = "{ posts(first: 1) { totalCount } }";

    private static Task<SimulatorHost> StartAsync(FakeTimeProvider time) =>
        TestSimulator.StartAsync(
            o =>
            {
                o.Scale = 200;
                o.Clock.Speed = 0;
                o.RateLimit.Points = 250;
                o.RateLimit.CostPerRequest = 100;
                o.RateLimit.WindowSeconds = 60;
                o.Applications =
                [
                    ApplicationOptions.Development,
                    new ApplicationOptions { Name = "Other", DeveloperToken = "other-token" },
                ];
            },
            time
        );

    private static (int Limit, int Remaining, int Reset) Budget(ApiAnswer answer) =>
        (
            int.Parse(answer.Header("X-Rate-Limit-Limit"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(answer.Header("X-Rate-Limit-Remaining"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(answer.Header("X-Rate-Limit-Reset"), System.Globalization.CultureInfo.InvariantCulture)
        );

    [Fact]
    public async Task Headers_show_the_budget_before_the_request_and_remaining_goes_negative_before_429()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var host = await StartAsync(time);
        using var client = host.CreateClient();

        var first = await Api.PostAsync(client, Query);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((250, 250, 60), Budget(first));
        Assert.Equal((250, 150, 60), Budget(await Api.PostAsync(client, Query)));

        var third = await Api.PostAsync(client, Query);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal((250, 50, 60), Budget(third));

        var refused = await Api.PostAsync(client, Query);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal((250, -50, 60), Budget(refused));
        Assert.Equal(
            """{"data":null,"errors":[{"error":"rate_limit_reached","error_description":"Sorry. You have exceeded the API rate limit, please try again later.","details":{"limit":250,"remaining":-50,"reset_in":60}}]}""",
            refused.Body
        );
        Assert.False(refused.Headers.Contains("Retry-After"));

        time.Advance(TimeSpan.FromSeconds(25));
        var later = await Api.PostAsync(client, Query);
        Assert.Equal(HttpStatusCode.TooManyRequests, later.Status);
        Assert.Equal(35, Budget(later).Reset);

        var other = await Api.QueryAsync(host, Query, token: "other-token");
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(250, Budget(other).Remaining);

        var stats = host.Stats.For(ApplicationOptions.Development.Name).Read();
        Assert.Equal(5, stats.Requests);
        Assert.Equal(2, stats.RateLimited);
        Assert.Equal(300, stats.PointsSpent);
    }

    [Theory]
    [InlineData(RequestCostModel.Flat, 100, 100)]
    [InlineData(RequestCostModel.Complexity, 17, 122)]
    [InlineData(RequestCostModel.FlatOrComplexity, 100, 122)]
    public async Task A_request_is_charged_by_the_cost_model(RequestCostModel model, int small, int large)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var host = await TestSimulator.StartAsync(
            o =>
            {
                o.Scale = 200;
                o.Clock.Speed = 0;
                o.RateLimit.Points = 1_000;
                o.RateLimit.CostPerRequest = 100;
                o.RateLimit.CostModel = model;
                o.RateLimit.WindowSeconds = 60;
            },
            time
        );
        using var client = host.CreateClient();

        // Complexity 1 + 5 × (1 + 2) + 1 = 17, then 1 + 20 × (1 + 5) + 1 = 122.
        await Api.PostAsync(client, "{ posts(first: 5) { nodes { id name } totalCount } }");
        var second = await Api.PostAsync(
            client,
            "{ posts(first: 20) { nodes { id name tagline votesCount commentsCount } totalCount } }"
        );
        var third = await Api.PostAsync(client, Query);

        Assert.Equal(1_000 - small, Budget(second).Remaining);
        Assert.Equal(1_000 - small - large, Budget(third).Remaining);
        Assert.Equal(
            small + large + (model == RequestCostModel.Complexity ? 2 : 100),
            host.Stats.For(ApplicationOptions.Development.Name).Read().PointsSpent
        );
    }

    [Fact]
    public async Task The_window_is_fixed_and_starts_at_the_first_request_after_expiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var host = await StartAsync(time);
        using var client = host.CreateClient();

        Assert.Equal((250, 250, 60), Budget(await Api.PostAsync(client, Query)));
        time.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal((250, 150, 10), Budget(await Api.PostAsync(client, Query)));

        time.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal((250, 250, 60), Budget(await Api.PostAsync(client, Query)));
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal((250, 150, 1), Budget(await Api.PostAsync(client, Query)));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((250, 250, 60), Budget(await Api.PostAsync(client, Query)));
    }

    [Fact]
    public async Task Every_request_costs_the_same_whatever_its_shape()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var host = await StartAsync(time);
        using var client = host.CreateClient();
        await Api.PostAsync(
            client,
            "{ a: posts(first: 20) { nodes { id } } b: posts(first: 20) { nodes { id } } c: posts(first: 20) { nodes { id } } }"
        );
        Assert.Equal(150, Budget(await Api.PostAsync(client, "{ viewer { user { id } } }")).Remaining);
    }
}
