using Orleans.TestingHost;
using PHDB.Grains;
using PHDB.Testing.Harvest;

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

        return await HarvestTestCluster.StartAsync(silos, configuration);
    }
}
