using Microsoft.Extensions.Logging;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;

namespace PHDB.ProductHunt.Tests;

/// <summary>A private simulator whose faults the tests of one class replace in turn.</summary>
public sealed class FaultSimulator : IAsyncLifetime
{
    public SimulatorHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await SimulatorHost.StartAsync(SharedSimulator.Configure);

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Each fault kind of the simulator → the right retry or typed error.</summary>
public sealed class FaultTests(FaultSimulator fixture) : IClassFixture<FaultSimulator>, IAsyncLifetime
{
    private SimulatorHost Simulator => fixture.Host;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await Testing.SetFaultsAsync(Simulator, new FaultOptions());

    private long Faults => Simulator.Stats.Read().Values.Sum(s => s.Faults);

    public static TheoryData<string> Kinds =>
        ["ServerError", "Truncate", "Malformed", "GraphQLError", "Drop", "Timeout"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_persistent_transient_fault_is_retried_then_reported_as_transient(string kind)
    {
        var faults = new FaultOptions { TimeoutMilliseconds = 20 };
        typeof(FaultOptions).GetProperty(kind + "Rate")!.SetValue(faults, 1.0);
        await Testing.SetFaultsAsync(Simulator, faults);
        var before = Faults;
        using var client = Testing.Client(Simulator, o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAnyAsync<ProductHuntTransientException>(() =>
            client.VerifyAsync(Testing.Cancel)
        );
        Assert.True(error.IsTransient);
        Assert.Equal(3, Faults - before);
        if (kind == "ServerError")
        {
            Assert.Equal(500, error.StatusCode);
        }
        else if (kind == "Timeout")
        {
            Assert.Equal(504, error.StatusCode);
        }
    }

    [Fact]
    public async Task A_slow_answer_beyond_the_attempt_timeout_is_retried_then_reported()
    {
        await Testing.SetFaultsAsync(Simulator, new FaultOptions { SlowRate = 1, SlowDelayMilliseconds = 30_000 });
        using var client = Testing.Client(
            Simulator,
            o =>
            {
                o.MaxRetries = 1;
                o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            }
        );
        var error = await Assert.ThrowsAsync<ProductHuntTransientException>(() => client.VerifyAsync(Testing.Cancel));
        Assert.Contains("No answer within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intermittent_faults_are_retried_until_they_pass()
    {
        await Testing.SetFaultsAsync(
            Simulator,
            new FaultOptions
            {
                ServerErrorRate = 0.2,
                TruncateRate = 0.2,
                DropRate = 0.1,
            }
        );
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var client = Testing.Client(
            Simulator,
            o =>
            {
                o.MaxRetries = 10;
                o.BreakerMinimumThroughput = 1000;
            },
            logs: factory
        );
        var before = Faults;
        var attempts = 0;
        for (var i = 0; i < 12; i++)
        {
            var pack = await client.ExecuteAsync([new PostsPage { First = 2 }], Testing.Cancel);
            Assert.True(pack.Results[0].Succeeded, pack.Results[0].Error?.Message);
            attempts += pack.Attempts;
        }

        var faults = Faults - before;
        Assert.True(faults > 0);
        Assert.Equal(12 + faults, attempts);
        Assert.Equal(faults, logs.Lines.Count(l => l.Contains("Transient fault on attempt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_invalid_token_is_an_authentication_error_without_retry()
    {
        var before = Testing.Served(Simulator);
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var client = Testing.Client(Simulator, o => o.Token = "not-a-valid-token", logs: factory);
        var error = await Assert.ThrowsAsync<ProductHuntAuthenticationException>(() =>
            client.VerifyAsync(Testing.Cancel)
        );
        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Transient fault", StringComparison.Ordinal));
        Assert.Equal(before, Testing.Served(Simulator));

        var pack = await client.ExecuteAsync([new TopicsPage(), new PostsPage()], Testing.Cancel);
        Assert.All(pack.Results, r => Assert.IsType<ProductHuntAuthenticationException>(r.Error));
    }

    [Fact]
    public async Task A_spent_budget_is_a_rate_limit_error_with_the_reset_time_and_no_retry()
    {
        await using var simulator = await Testing.StartSimulatorAsync(o =>
        {
            o.RateLimit.Points = 200;
            o.RateLimit.WindowSeconds = 600;
        });
        using var client = Testing.Client(simulator);
        var first = await client.VerifyAsync(Testing.Cancel);
        Assert.Equal(200, first.Budget.Limit);
        Assert.Equal(200, first.Budget.Remaining);
        var second = await client.VerifyAsync(Testing.Cancel);
        Assert.Equal(100, second.Budget.Remaining);

        var before = DateTimeOffset.UtcNow;
        var error = await Assert.ThrowsAsync<ProductHuntRateLimitException>(() => client.VerifyAsync(Testing.Cancel));
        Assert.Equal(429, error.StatusCode);
        Assert.InRange(error.ResetIn, TimeSpan.FromSeconds(590), TimeSpan.FromSeconds(600));
        Assert.InRange(error.ResetAt, before.AddSeconds(589), DateTimeOffset.UtcNow.AddSeconds(601));
        Assert.Equal(0, error.Budget.Remaining);
        Assert.Equal(1, simulator.Stats.Read().Values.Sum(s => s.RateLimited));

        var pack = await client.ExecuteAsync([new TopicsPage(), new PostsPage()], Testing.Cancel);
        Assert.All(pack.Results, r => Assert.IsType<ProductHuntRateLimitException>(r.Error));
        Assert.NotNull(pack.Budget);
        Assert.Equal(2, simulator.Stats.Read().Values.Sum(s => s.RateLimited));
    }
}
