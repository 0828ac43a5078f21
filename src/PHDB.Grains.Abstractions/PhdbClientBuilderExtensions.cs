using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using PHDB.Grains.Harvest.Events;
using PHDB.Grains.Tls;

namespace PHDB.Grains;

/// <summary>Joins an Orleans client to the PHDB cluster through the membership table in PostgreSQL.</summary>
public static class PhdbClientBuilderExtensions
{
    /// <summary>
    /// Finds gateways in the PostgreSQL membership table named by <c>ConnectionStrings:phdb</c>, keeps retrying
    /// while no silo is reachable yet, and can subscribe to the harvest event stream; over TLS when <c>Orleans:Tls</c>
    /// gives a certificate (<see cref="ClusterTlsOptions"/>).
    /// </summary>
    public static IClientBuilder UsePhdbCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var connectionString = PhdbConnectionString.Require(configuration);
        client.Services.AddPhdbExceptionSerialization();
        return client
            .UsePhdbTls(configuration)
            .Configure<ClusterOptions>(options =>
            {
                options.ServiceId = PhdbCluster.ServiceId;
                options.ClusterId = configuration["Orleans:ClusterId"] ?? PhdbCluster.DefaultClusterId;
            })
            .Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
            .UseAdoNetClustering(options =>
            {
                options.Invariant = PhdbCluster.AdoNetInvariant;
                options.ConnectionString = connectionString;
            })
            .AddMemoryStreams(HarvestEvents.Provider)
            .UseConnectionRetryFilter(
                async (_, cancellationToken) =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    return true;
                }
            );
    }
}
