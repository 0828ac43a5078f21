using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using PHDB.Grains;
using PHDB.Grains.Harvest;
using PHDB.Publishing;

namespace PHDB.Testing.Harvest;

/// <summary>
/// An in-process Orleans cluster whose silos are configured as PHDB's are (cluster, grain state and reminders on
/// PostgreSQL, the harvest with its workers and API client, the publisher) from the given configuration; its client joins the
/// same way the admin console does.
/// </summary>
public static class HarvestTestCluster
{
    /// <summary>
    /// Starts <paramref name="silos"/> silos with <paramref name="configuration"/> as their configuration; with
    /// <paramref name="tcp"/> they listen on real TCP ports, so clients in other processes can join.
    /// </summary>
    public static async Task<TestCluster> StartAsync(
        short silos,
        IReadOnlyDictionary<string, string?> configuration,
        bool tcp = false
    )
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        if (tcp)
        {
            builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        }

        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(configuration));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.UsePhdbCluster(siloBuilder.Configuration);
            siloBuilder.Services.AddPhdbHarvest(siloBuilder.Configuration);
            siloBuilder.Services.AddPhdbPublishing(siloBuilder.Configuration);
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UsePhdbCluster(configuration);
    }
}
