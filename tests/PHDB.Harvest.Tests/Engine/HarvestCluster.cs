using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using PHDB.Grains;
using PHDB.Grains.Harvest;
using PHDB.Simulator.Hosting;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>
/// Silos configured as in production (cluster on PostgreSQL, harvest workers, the API client) against an in-process
/// simulator; fast polling so tests finish quickly. The coordinator does not start a run by itself here.
/// </summary>
internal static class HarvestCluster
{
    public static async Task<TestCluster> StartAsync(
        string database,
        SimulatorHost simulator,
        short silos = 2,
        IReadOnlyDictionary<string, string?>? settings = null
    )
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        var configuration = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{PhdbCluster.ConnectionStringName}"] = database,
            ["ProductHunt:BaseAddress"] = simulator.BaseAddress.ToString(),
            ["ProductHunt:Token"] = simulator.DeveloperToken,
            ["ProductHunt:RetryBaseDelay"] = "00:00:00.050",
            ["ProductHunt:AttemptTimeout"] = "00:00:05",
            ["Harvest:Window"] = "365.00:00:00",
            ["Harvest:StartAutomatically"] = "false",
            ["Harvest:IncrementalInterval"] = "00:00:00",
            ["Harvest:Worker:IdleDelay"] = "00:00:00.050",
            ["Harvest:Worker:ErrorDelay"] = "00:00:00.200",
            ["Harvest:LeaseDuration"] = "00:00:10",
            ["Harvest:Worker:Concurrency"] = "6",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
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
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UsePhdbCluster(configuration);
    }
}
