using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using PHDB.Grains;
using PHDB.Grains.Harvest;

namespace PHDB.Harvest.Benchmarks;

/// <summary>
/// In-process silos configured as in production (cluster state on PostgreSQL, harvest workers, the API client)
/// against one application of the simulator. The coordinator does not start a run by itself; no incremental schedule.
/// </summary>
internal static class BenchmarkCluster
{
    public static async Task<TestCluster> StartAsync(
        string database,
        Uri simulator,
        string token,
        short silos,
        IReadOnlyDictionary<string, string?> settings
    )
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        var configuration = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{PhdbCluster.ConnectionStringName}"] = database,
            ["ProductHunt:BaseAddress"] = simulator.ToString(),
            ["ProductHunt:Token"] = token,
            ["Harvest:StartAutomatically"] = "false",
            ["Harvest:IncrementalInterval"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
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
