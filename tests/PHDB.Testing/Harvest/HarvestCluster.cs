using Orleans.TestingHost;
using PHDB.Grains;
using PHDB.Simulator.Hosting;

namespace PHDB.Testing.Harvest;

/// <summary>
/// Silos configured as in production (cluster on PostgreSQL, harvest workers, the API client) against an in-process
/// simulator; fast polling so tests finish quickly. The coordinator does not start a run by itself here.
/// </summary>
public static class HarvestCluster
{
    /// <summary>
    /// Starts <paramref name="silos"/> silos on <paramref name="database"/> reading <paramref name="simulator"/>, with
    /// <paramref name="settings"/> over the test defaults; <paramref name="tcp"/> for clients in other processes.
    /// </summary>
    public static Task<TestCluster> StartAsync(
        string database,
        SimulatorHost simulator,
        short silos = 2,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool tcp = false
    ) => HarvestTestCluster.StartAsync(silos, Settings(database, simulator, settings), tcp);

    /// <summary>
    /// The configuration of a harvest silo on <paramref name="database"/> reading <paramref name="simulator"/>: the
    /// test defaults (fast polling, short leases, no automatic run) with <paramref name="settings"/> over them.
    /// </summary>
    public static Dictionary<string, string?> Settings(
        string database,
        SimulatorHost simulator,
        IReadOnlyDictionary<string, string?>? settings = null
    )
    {
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

        return configuration;
    }

    /// <summary>A simulated world of <paramref name="scale"/> posts with its clock frozen and no rate limit in the way.</summary>
    public static Task<SimulatorHost> StartWorldAsync(int scale, CancellationToken cancellationToken) =>
        SimulatorHost.StartAsync(
            o =>
            {
                o.Scale = scale;
                o.Clock.Speed = 0;
                o.RateLimit.Points = 100_000_000;
            },
            cancellationToken: cancellationToken
        );
}
