using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Export.Tests;

/// <summary>
/// A database holding a complete harvest of a small simulated world (every table filled), shared by the tests that
/// only read it, on a PostgreSQL server of its own that other tests create their databases on. The silos and the
/// simulator stop once the harvest completed.
/// </summary>
public sealed class HarvestedWorld : IAsyncLifetime
{
    private readonly PostgresServer postgres = new();

    /// <summary>Posts in the world.</summary>
    public const int Scale = 200;

    /// <summary>The PostgreSQL server, for tests that need a database of their own.</summary>
    public PostgresServer Postgres => postgres;

    /// <summary>The harvested database's connection string.</summary>
    public string Database { get; private set; } = null!;

    /// <summary>A data source on <see cref="Database"/>.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await postgres.InitializeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var simulator = await HarvestCluster.StartWorldAsync(Scale, timeout.Token);
        Database = await postgres.CreateMigratedDatabaseAsync("export", timeout.Token);
        await using (var cluster = await HarvestCluster.StartAsync(Database, simulator, silos: 1))
        {
            var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(
                PHDB.Grains.Harvest.IHarvestCoordinatorGrain.Key
            );
            await coordinator.StartFull();
            await Eventually.HoldsAsync(
                async () => (await coordinator.GetStatus()).Phase == HarvestPhase.Completed,
                TimeSpan.FromMinutes(3),
                "the full harvest of the export tests' world completed",
                TimeSpan.FromMilliseconds(300)
            );
            await cluster.StopAllSilosAsync();
        }

        DataSource = NpgsqlDataSource.Create(Database);
    }

    public async ValueTask DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        await postgres.DisposeAsync();
    }
}
