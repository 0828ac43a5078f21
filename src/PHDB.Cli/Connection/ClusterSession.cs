using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PHDB.Grains;
using PHDB.Grains.Harvest;
using PHDB.Grains.Tls;

namespace PHDB.Cli.Connection;

/// <summary>
/// An Orleans client joined to the PHDB cluster through its membership table, as the admin console joins it, but
/// bounded: when no silo answers within the timeout it fails with exit code 69 instead of retrying for ever.
/// </summary>
internal sealed class ClusterSession : IAsyncDisposable
{
    /// <summary>How long joining the cluster may take.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly IHost host;

    private ClusterSession(IHost host, PhdbTarget target)
    {
        this.host = host;
        Target = target;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The PHDB this session belongs to.</summary>
    public PhdbTarget Target { get; }

    /// <summary>The connected client.</summary>
    public IClusterClient Client { get; }

    /// <summary>The harvest coordinator.</summary>
    public IHarvestControl Coordinator => Client.GetGrain<IHarvestControl>(IHarvestCoordinatorGrain.Key);

    /// <exception cref="CliException">No silo answered in time (69).</exception>
    public static async Task<ClusterSession> ConnectAsync(
        PhdbTarget target,
        bool verbose,
        TimeSpan timeout,
        CancellationToken cancellationToken
    )
    {
        // The AppHost's cluster id is known; a cluster started otherwise is found by its active silos.
        var activeCluster = await PhdbDatabase.ProbeAsync(target, cancellationToken);
        var clusterId = target.Runtime?.ClusterId ?? activeCluster ?? target.ClusterId;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{PhdbCluster.ConnectionStringName}"] = ForClient(target.ConnectionString),
            ["Orleans:ClusterId"] = clusterId,
        };
        // A cluster on several hosts takes TLS: the certificate comes from the environment (Orleans__Tls__*).
        foreach (
            var (key, value) in new ConfigurationBuilder()
                .AddEnvironmentVariables()
                .Build()
                .GetSection(ClusterTlsOptions.Section)
                .AsEnumerable()
        )
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (verbose)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o =>
                o.LogToStandardErrorThreshold = LogLevel.Trace
            );
        }

        builder.UseOrleansClient(client => client.UsePhdbCluster(builder.Configuration));
        var host = builder.Build();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await host.StartAsync(timeoutSource.Token);
            return new ClusterSession(host, target);
        }
        catch (Exception e) when (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw CliException.Unavailable(
                $"No silo of the PHDB cluster in {target.Describe()} answered within {timeout.TotalSeconds:0} s. "
                    + "Is PHDB running? Start it with `dotnet run --project PHDB.AppHost`; `phdb health` shows what is up.",
                e
            );
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || e.InnerException is NpgsqlException)
        {
            host.Dispose();
            throw CliException.Unavailable(
                $"The PHDB database {target.Describe()} cannot be reached ({e.GetBaseException().Message}). "
                    + "Is PHDB running? Start it with `dotnet run --project PHDB.AppHost`.",
                e
            );
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>A short-lived client needs few connections and should fail fast when the server is down.</summary>
    private static string ForClient(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, MaxPoolSize = 4 }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await host.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Leaving is best effort: the silos notice a vanished client by themselves.
        }

        host.Dispose();
    }
}
