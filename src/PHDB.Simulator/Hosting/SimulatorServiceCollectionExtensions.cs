using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PHDB.Simulator.Api;
using PHDB.Simulator.Clock;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Control;
using PHDB.Simulator.GraphQL;
using PHDB.Simulator.World;

namespace PHDB.Simulator.Hosting;

/// <summary>Registers and maps the simulator in any ASP.NET Core host.</summary>
public static class SimulatorServiceCollectionExtensions
{
    /// <summary>Registers the simulator's services, with options bound from the <c>Simulator</c> section and validated on start.</summary>
    public static IServiceCollection AddProductHuntSimulator(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services
            .AddOptions<SimulatorOptions>()
            .Bind(configuration.GetSection(SimulatorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>()
        );
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatedClock>();
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<SimulatorOptions>>().Value;
            var logger = provider.GetRequiredService<ILogger<SimulatorState>>();
            var clock = provider.GetRequiredService<SimulatedClock>();
            var watch = Stopwatch.StartNew();
            var world = WorldGenerator.Generate(options);
            var state = new SimulatorState(
                options,
                world,
                clock,
                provider.GetRequiredService<TimeProvider>(),
                ProductHuntSchema.Create()
            );
            var now = clock.Now;
            SimulatorLog.WorldReady(
                logger,
                watch.ElapsedMilliseconds,
                world.PostCount,
                world.VisiblePostCount(now),
                SimInstant.Format(now),
                world.UserCount,
                world.Topics.Length,
                world.Collections.Length,
                options.Seed
            );
            foreach (var application in state.Registry.Applications)
            {
                SimulatorLog.ApplicationReady(
                    logger,
                    application.Name,
                    application.Options.DeveloperToken[..Math.Min(6, application.Options.DeveloperToken.Length)],
                    application.OwnerId
                );
            }

            return state;
        });
        services.TryAddSingleton<GraphQLEndpoint>();
        services.TryAddSingleton<OAuthEndpoint>();
        services.TryAddSingleton<SimulatorStats>(provider => provider.GetRequiredService<SimulatorState>().Stats);
        return services;
    }

    /// <summary>Maps the API endpoints, and the <c>/_sim/</c> control API when enabled; builds the world now rather than on the first request.</summary>
    public static WebApplication MapProductHuntSimulator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var state = app.Services.GetRequiredService<SimulatorState>();
        app.MapPost(GraphQLEndpoint.Path, (HttpContext http, GraphQLEndpoint endpoint) => endpoint.HandleAsync(http));
        app.MapPost(OAuthEndpoint.Path, (HttpContext http, OAuthEndpoint endpoint) => endpoint.HandleAsync(http));
        if (state.Options.ControlApi)
        {
            ControlEndpoints.Map(app);
        }

        return app;
    }
}
