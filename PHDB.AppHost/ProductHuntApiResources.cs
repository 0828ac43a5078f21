using System.Security.Cryptography;
using PHDB.Runtime;

namespace PHDB.AppHost;

/// <summary>
/// Adds the Product Hunt API the harvest reads: the live one when a token is configured, else (or when
/// <c>Phdb:UseSimulator</c> is set) the bundled simulator.
/// </summary>
internal static class ProductHuntApiResources
{
    private const string TokenParameter = "producthunt-token";

    public static ProductHuntApi AddProductHuntApi(
        this IDistributedApplicationBuilder builder,
        PhdbHostSettings settings
    )
    {
        var token = string.IsNullOrWhiteSpace(builder.Configuration[$"Parameters:{TokenParameter}"])
            ? builder.AddParameter(
                "simulator-token",
                "phdb-sim-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                secret: true
            )
            : builder.AddParameter(TokenParameter, secret: true);
        if (token.Resource.Name == TokenParameter && !settings.UseSimulator)
        {
            return new ProductHuntApi(token, null);
        }

        // The simulator's only application answers to the token: the generated one, or the configured one when
        // Phdb:UseSimulator chooses the simulator over the live API.
        var simulator = builder
            .AddProject<Projects.PHDB_Simulator>("simulator")
            .WithEndpoint("http", endpoint => endpoint.Port = settings.SimulatorPort)
            .WithConfigurationSection(builder.Configuration, "Simulator")
            .WithConfigurationSection(builder.Configuration, "Telemetry")
            .WithEnvironment("Simulator__Applications__0__Name", "PHDB")
            .WithEnvironment("Simulator__Applications__0__DeveloperToken", token)
            .WithHttpHealthCheck("/health");
        return new ProductHuntApi(token, simulator);
    }

    /// <summary>Gives a service the API's address and token (<c>ProductHunt:*</c>), waiting for the simulator if it runs.</summary>
    public static IResourceBuilder<T> WithProductHuntApi<T>(this IResourceBuilder<T> resource, ProductHuntApi api)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        resource.WithEnvironment("ProductHunt__Token", api.Token);
        if (api.Simulator is { } simulator)
        {
            resource.WithEnvironment("ProductHunt__BaseAddress", simulator.GetEndpoint("http")).WaitFor(simulator);
        }

        return resource;
    }
}
