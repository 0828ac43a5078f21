using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;

[assembly: AssemblyFixture(typeof(PHDB.Simulator.Tests.SharedSimulator))]

namespace PHDB.Simulator.Tests;

/// <summary>One still, read-only simulator shared by the tests that do not change it.</summary>
public sealed class SharedSimulator : IAsyncLifetime
{
    public const string SecondToken = "second-app-token";

    public SimulatorHost Host { get; private set; } = null!;

    public static void Configure(SimulatorOptions options)
    {
        options.Scale = 3_000;
        options.Clock.Speed = 0;
        options.RateLimit.Points = int.MaxValue;
        options.Applications =
        [
            ApplicationOptions.Development,
            new ApplicationOptions
            {
                Name = "Second App",
                ApplicationId = 2002,
                DeveloperToken = SecondToken,
                ClientId = "second-client",
                ClientSecret = "second-secret",
            },
        ];
    }

    public async ValueTask InitializeAsync() => Host = await SimulatorHost.StartAsync(Configure);

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
