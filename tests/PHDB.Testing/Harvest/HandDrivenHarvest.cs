using Orleans.TestingHost;
using PHDB.Simulator.Hosting;

namespace PHDB.Testing.Harvest;

/// <summary>
/// One harvest silo with its workers off, on a small simulated world and a database of its own: the test plays the
/// worker, so partitions and posts do exactly what it checks.
/// </summary>
public sealed class HandDrivenHarvest : IAsyncDisposable
{
    private HandDrivenHarvest(SimulatorHost simulator, string database, TestCluster cluster)
    {
        Simulator = simulator;
        Database = database;
        Cluster = cluster;
    }

    /// <summary>The simulated world.</summary>
    public SimulatorHost Simulator { get; }

    /// <summary>Connection string of the migrated database.</summary>
    public string Database { get; }

    /// <summary>The one-silo cluster.</summary>
    public TestCluster Cluster { get; }

    /// <summary>A client of <see cref="Cluster"/>.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>
    /// Starts a world of <paramref name="scale"/> posts, a database for <paramref name="purpose"/> on
    /// <paramref name="postgres"/> and the silo, with <paramref name="settings"/> over the test defaults.
    /// </summary>
    public static async Task<HandDrivenHarvest> StartAsync(
        PostgresServer postgres,
        string purpose,
        IReadOnlyDictionary<string, string?>? settings = null,
        int scale = 10,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var simulator = await HarvestCluster.StartWorldAsync(scale, cancellationToken);
        try
        {
            var database = await postgres.CreateMigratedDatabaseAsync(purpose, cancellationToken);
            var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Harvest:Worker:Enabled"] = "false",
            };
            var cluster = await HarvestCluster.StartAsync(database, simulator, silos: 1, settings: configuration);
            return new HandDrivenHarvest(simulator, database, cluster);
        }
        catch
        {
            await simulator.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
