using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;

namespace PHDB.ProductHunt.Tests;

/// <summary>
/// The client composed as the silo composes it (the service defaults, then the client): its own pipeline is the only
/// layer that retries, so every request the API sees is one the rate budget accounts for.
/// </summary>
public sealed class RetryLayerTests
{
    private const int MaxRetries = 2;

    [Fact]
    public async Task A_server_error_costs_one_request_and_the_clients_own_retries()
    {
        await using var simulator = await Testing.StartSimulatorAsync(_ => { });
        using var host = await StartSiloLikeHostAsync(simulator);
        var client = host.Services.GetRequiredService<IProductHuntClient>();
        await client.VerifyAsync(Testing.Cancel);
        await Testing.SetFaultsAsync(simulator, new FaultOptions { ServerErrorRate = 1 });

        var before = Seen(simulator);
        var error = await Assert.ThrowsAsync<ProductHuntTransientException>(() => client.VerifyAsync(Testing.Cancel));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(1 + MaxRetries, Seen(simulator) - before);
    }

    [Fact]
    public async Task A_rate_limited_answer_costs_one_request()
    {
        await using var simulator = await Testing.StartSimulatorAsync(o =>
        {
            o.RateLimit.Points = 100;
            o.RateLimit.WindowSeconds = 3;
        });
        using var host = await StartSiloLikeHostAsync(simulator);
        var client = host.Services.GetRequiredService<IProductHuntClient>();
        await client.VerifyAsync(Testing.Cancel);

        var before = Seen(simulator);
        await Assert.ThrowsAsync<ProductHuntRateLimitException>(() => client.VerifyAsync(Testing.Cancel));

        Assert.Equal(1, Seen(simulator) - before);
        Assert.Equal(1, simulator.Stats.Read().Values.Sum(s => s.RateLimited));
    }

    /// <summary>Requests that reached the simulator's GraphQL endpoint: served or refused for the budget.</summary>
    private static long Seen(SimulatorHost simulator) => simulator.Stats.Read().Values.Sum(s => s.Requests);

    private static async Task<IHost> StartSiloLikeHostAsync(SimulatorHost simulator)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["ProductHunt:BaseAddress"] = simulator.BaseAddress.ToString(),
                ["ProductHunt:Token"] = simulator.DeveloperToken,
                ["ProductHunt:MaxRetries"] = MaxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ProductHunt:RetryBaseDelay"] = "00:00:00.001",
            }
        );
        builder.AddServiceDefaults();
        builder.Services.AddProductHuntClient(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync(Testing.Cancel);
        return host;
    }
}
