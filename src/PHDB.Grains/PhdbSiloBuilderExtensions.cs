using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using PHDB.Grains.Harvest.Events;
using PHDB.Grains.RateBudgets;

namespace PHDB.Grains;

/// <summary>Configures a silo of the PHDB cluster: membership, grain state and reminders in PostgreSQL.</summary>
public static class PhdbSiloBuilderExtensions
{
    /// <summary>Grain addresses a silo's directory cache holds at most.</summary>
    public const int DirectoryCacheSize = 50_000;

    /// <summary>The longest a liveness probe may wait for its answer.</summary>
    public static readonly TimeSpan MaxProbeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Clustering, grain storage (<see cref="PhdbCluster.StateStorage"/>), reminders and the subscriptions of the
    /// harvest event stream (memory streams, <c>PubSubStore</c>) on the PostgreSQL
    /// database named by <c>ConnectionStrings:phdb</c>, with failure detection tuned so that a killed silo (its
    /// connections drop) is declared dead within about six seconds, a frozen or cut-off one within about 10 s (Orleans
    /// withholds its vote while the silo was heard from within its monitoring window), and a stop bounded by
    /// <see cref="SiloShutdown"/>.
    /// </summary>
    public static ISiloBuilder UsePhdbCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = PHDB.Storage.PostgresConnectionResilience.Apply(
            PhdbConnectionString.Require(configuration)
        );
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddPhdbExceptionSerialization();
        silo.Services.AddOptions<RateBudgetOptions>()
            .BindConfiguration(RateBudgetOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return silo.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = PhdbCluster.ServiceId;
                options.ClusterId = configuration["Orleans:ClusterId"] ?? PhdbCluster.DefaultClusterId;
            })
            .Configure<ClusterMembershipOptions>(options =>
            {
                // Three missed 2-second probes make a silo suspect; with one other silo its vote declares it dead.
                options.ProbeTimeout = TimeSpan.FromSeconds(2);
                options.NumMissedProbesLimit = 3;
                // Probe timeouts adapt to measured round trips up to this bound. It also sets how long a silo heard
                // from recently is spared a vote (bound × missed probes limit, 9 s): a silo frozen or cut off right
                // after sending is declared dead about 10 s later (24 s with the default of 4 × ProbeTimeout).
                options.MaxProbeTimeout = MaxProbeTimeout;
                options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(30);
                options.DefunctSiloExpiration = TimeSpan.FromDays(1);
                options.DefunctSiloCleanupPeriod = TimeSpan.FromHours(1);
            })
            // A stop must end within the host's bound even when PostgreSQL cannot be reached: an activation that
            // cannot write its state while deactivating is given up on early (the service defaults' watchdog ends
            // the process if the stop still overruns).
            .Configure<GrainCollectionOptions>(options =>
                options.DeactivationTimeout = SiloShutdown.DeactivationTimeout
            )
            // Orleans remembers the address of every grain it resolved, up to a million by default. A full harvest
            // activates one post grain per post listed and retires it minutes later, so the default would keep an entry
            // per post of the posts phase; the working set of live grains is far smaller than this bound.
            .Configure<GrainDirectoryOptions>(options => options.CacheSize = DirectoryCacheSize)
            .UseAdoNetClustering(options =>
            {
                options.Invariant = PhdbCluster.AdoNetInvariant;
                options.ConnectionString = connectionString;
            })
            .AddAdoNetGrainStorage(
                PhdbCluster.StateStorage,
                options =>
                {
                    options.Invariant = PhdbCluster.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                }
            )
            .UseAdoNetReminderService(options =>
            {
                options.Invariant = PhdbCluster.AdoNetInvariant;
                options.ConnectionString = connectionString;
            })
            .AddAdoNetGrainStorage(
                "PubSubStore",
                options =>
                {
                    options.Invariant = PhdbCluster.AdoNetInvariant;
                    options.ConnectionString = connectionString;
                }
            )
            .AddMemoryStreams(HarvestEvents.Provider);
    }
}
