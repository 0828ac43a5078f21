using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;

[assembly: AssemblyFixture(typeof(PHDB.ProductHunt.Tests.SharedSimulator))]

namespace PHDB.ProductHunt.Tests;

/// <summary>One still simulator with a live-like complexity cap and no rate limit, shared by the read-only tests.</summary>
public sealed class SharedSimulator : IAsyncLifetime
{
    public SimulatorHost Host { get; private set; } = null!;

    public static void Configure(SimulatorOptions options)
    {
        options.Scale = 2_000;
        options.Topics = 40;
        options.Clock.Speed = 0;
        options.RateLimit.Points = int.MaxValue;
    }

    public async ValueTask InitializeAsync() => Host = await SimulatorHost.StartAsync(Configure);

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Clients and private simulators for tests.</summary>
internal static class Testing
{
    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static Task<SimulatorHost> StartSimulatorAsync(Action<SimulatorOptions> configure) =>
        SimulatorHost.StartAsync(
            o =>
            {
                SharedSimulator.Configure(o);
                configure(o);
            },
            cancellationToken: Cancel
        );

    public static ProductHuntOptions Options(SimulatorHost simulator, Action<ProductHuntOptions>? configure = null)
    {
        var options = new ProductHuntOptions
        {
            BaseAddress = simulator.BaseAddress,
            Token = simulator.DeveloperToken,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = TimeSpan.FromSeconds(20),
            MaxComplexity = 1000,
        };
        configure?.Invoke(options);
        return options;
    }

    public static ProductHuntClient Client(
        SimulatorHost simulator,
        Action<ProductHuntOptions>? configure = null,
        TimeProvider? time = null,
        ILoggerFactory? logs = null
    ) =>
        new(
            new HttpClient(ProductHuntServiceCollectionExtensions.CreateHandler())
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
            Microsoft.Extensions.Options.Options.Create(Options(simulator, configure)),
            time,
            logs?.CreateLogger<ProductHuntClient>()
        );

    public static async Task SetFaultsAsync(SimulatorHost simulator, FaultOptions faults)
    {
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress };
        using var response = await http.PutAsJsonAsync("_sim/faults", faults, Cancel);
        response.EnsureSuccessStatusCode();
    }

    public static long Served(SimulatorHost simulator) => simulator.Stats.Read().Values.Sum(s => s.Requests);
}

/// <summary>Keeps every log line (with exceptions) written through it.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{structured}] {exception}");
        }
    }
}
