using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Publishing.Tests;

/// <summary>
/// A PostgreSQL server with a database holding the complete harvest of a small simulated world, used as the
/// template of every test's own database (<see cref="CloneAsync"/>), so each test publishes real exports of real
/// data without seeing another test's publications. The silos and the simulator stop once the harvest completed.
/// </summary>
public sealed class PublishingWorld : IAsyncLifetime
{
    /// <summary>Posts in the world: small, so that exports take a moment.</summary>
    public const int Scale = 60;

    private readonly PostgresServer postgres = new();
    private readonly SemaphoreSlim cloning = new(1, 1);
    private string template = "";

    /// <summary>The PostgreSQL server.</summary>
    public PostgresServer Postgres => postgres;

    /// <summary>A new database holding the harvested world; returns its connection string.</summary>
    public async Task<string> CloneAsync(string purpose, CancellationToken cancellationToken)
    {
        var name = $"p{Guid.NewGuid():N}"[..24] + "_" + purpose.ToLowerInvariant();
        await cloning.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(postgres.ConnectionString());
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand(
                $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"",
                connection
            );
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            cloning.Release();
        }

        return postgres.ConnectionString(name);
    }

    public async ValueTask InitializeAsync()
    {
        await postgres.InitializeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var simulator = await HarvestCluster.StartWorldAsync(Scale, timeout.Token);
        var database = await postgres.CreateMigratedDatabaseAsync("world", timeout.Token);
        await using (var cluster = await HarvestCluster.StartAsync(database, simulator, silos: 1))
        {
            var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(
                PHDB.Grains.Harvest.IHarvestCoordinatorGrain.Key
            );
            await coordinator.StartFull();
            await Eventually.HoldsAsync(
                async () => (await coordinator.GetStatus()).Phase == HarvestPhase.Completed,
                TimeSpan.FromMinutes(3),
                "the full harvest of the publishing tests' world completed",
                TimeSpan.FromMilliseconds(200)
            );
            await cluster.StopAllSilosAsync();
        }

        template = new NpgsqlConnectionStringBuilder(database).Database!;

        // A template may have no other session: close what the silos left open.
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(postgres.ConnectionString());
        await connection.OpenAsync(timeout.Token);
        await using var terminate = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            connection
        );
        terminate.Parameters.Add(new NpgsqlParameter<string> { TypedValue = template });
        await terminate.ExecuteNonQueryAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        cloning.Dispose();
        await postgres.DisposeAsync();
    }
}
