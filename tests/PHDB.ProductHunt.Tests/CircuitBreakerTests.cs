using Microsoft.Extensions.Time.Testing;
using PHDB.Simulator.Configuration;
using Polly.CircuitBreaker;

namespace PHDB.ProductHunt.Tests;

/// <summary>The breaker opens on repeated transient faults, refuses without sending, half-opens after its break and closes on success.</summary>
public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task The_circuit_opens_refuses_half_opens_and_closes()
    {
        await using var simulator = await Testing.StartSimulatorAsync(o => o.Faults.ServerErrorRate = 1);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = Testing.Client(
            simulator,
            o =>
            {
                o.MaxRetries = 0;
                o.BreakerMinimumThroughput = 2;
                o.BreakerFailureRatio = 0.5;
                o.BreakerBreakDuration = TimeSpan.FromSeconds(30);
            },
            time
        );

        await Assert.ThrowsAsync<ProductHuntTransientException>(() => client.VerifyAsync(Testing.Cancel));
        Assert.Equal(CircuitState.Closed, client.CircuitState);
        await Assert.ThrowsAsync<ProductHuntTransientException>(() => client.VerifyAsync(Testing.Cancel));
        Assert.Equal(CircuitState.Open, client.CircuitState);

        var sent = Testing.Served(simulator);
        var open = await Assert.ThrowsAsync<ProductHuntCircuitOpenException>(() => client.VerifyAsync(Testing.Cancel));
        Assert.True(open.IsTransient);
        Assert.Equal(sent, Testing.Served(simulator));
        var pack = await client.ExecuteAsync([new PostsPage()], Testing.Cancel);
        Assert.IsType<ProductHuntCircuitOpenException>(pack.Results[0].Error);

        // Still failing when the break ends: the trial request fails and the circuit opens again.
        time.Advance(TimeSpan.FromSeconds(31));
        var trial = await Assert.ThrowsAsync<ProductHuntTransientException>(() => client.VerifyAsync(Testing.Cancel));
        Assert.IsNotType<ProductHuntCircuitOpenException>(trial);
        Assert.Equal(sent + 1, Testing.Served(simulator));
        Assert.Equal(CircuitState.Open, client.CircuitState);

        await Testing.SetFaultsAsync(simulator, new FaultOptions());
        time.Advance(TimeSpan.FromSeconds(31));
        var viewer = await client.VerifyAsync(Testing.Cancel);
        Assert.NotNull(viewer.User);
        Assert.Equal(CircuitState.Closed, client.CircuitState);
    }
}
