using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PHDB.Simulator.Clock;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Control;

namespace PHDB.Simulator.Hosting;

/// <summary>
/// Runs a simulator in-process on a loopback Kestrel port, for tests and benchmarks of other projects:
/// <code>
/// await using var simulator = await SimulatorHost.StartAsync(o => { o.Scale = 2_000; o.Clock.Speed = 0; });
/// using var client = simulator.CreateClient();   // base address and developer token set
/// </code>
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    /// <summary>Where a standalone simulator listens unless told otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5090";

    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The root URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The GraphQL endpoint URL.</summary>
    public Uri GraphQLEndpoint => new(BaseAddress, "v2/api/graphql");

    /// <summary>The OAuth token endpoint URL.</summary>
    public Uri TokenEndpoint => new(BaseAddress, "v2/oauth/token");

    /// <summary>The options in force.</summary>
    public SimulatorOptions Options => _app.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;

    /// <summary>The developer token of the first application.</summary>
    public string DeveloperToken => Options.EffectiveApplications[0].DeveloperToken;

    /// <summary>The simulated clock.</summary>
    public SimulatedClock Clock => _app.Services.GetRequiredService<SimulatedClock>();

    /// <summary>Request counters per application.</summary>
    public SimulatorStats Stats => _app.Services.GetRequiredService<SimulatorStats>();

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a simulator. Configuration files and environment variables are not read: the options are the defaults
    /// changed by <paramref name="configure"/>. Logging is limited to warnings.
    /// </summary>
    /// <param name="configure">Changes to the default options.</param>
    /// <param name="timeProvider">Real-time source for rate-limit windows and the clock's speed; the system clock when null.</param>
    /// <param name="port">Loopback port; 0 picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<SimulatorHost> StartAsync(
        Action<SimulatorOptions>? configure = null,
        TimeProvider? timeProvider = null,
        int port = 0,
        CancellationToken cancellationToken = default
    ) => StartAsync(IPAddress.Loopback, configure, timeProvider, port, cancellationToken);

    /// <summary>Starts a simulator listening on <paramref name="address"/> (e.g. an address other hosts reach).</summary>
    /// <param name="address">The address Kestrel listens on.</param>
    /// <param name="configure">Changes to the default options.</param>
    /// <param name="timeProvider">Real-time source; the system clock when null.</param>
    /// <param name="port">Port; 0 picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<SimulatorHost> StartAsync(
        IPAddress address,
        Action<SimulatorOptions>? configure,
        TimeProvider? timeProvider = null,
        int port = 0,
        CancellationToken cancellationToken = default
    )
    {
        var builder = WebApplication.CreateSlimBuilder(
            new WebApplicationOptions
            {
                ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
                EnvironmentName = "Production",
            }
        );
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(address, port));
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.Services.AddProductHuntSimulator(builder.Configuration);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        var app = builder.Build();
        app.MapProductHuntSimulator();
        await app.StartAsync(cancellationToken);
        var listening = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new SimulatorHost(app, new Uri(listening.TrimEnd('/') + "/"));
    }

    /// <summary>An HTTP client for the simulator, authorised with <paramref name="token"/> (the developer token by default).</summary>
    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? DeveloperToken);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Stops the simulator.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
