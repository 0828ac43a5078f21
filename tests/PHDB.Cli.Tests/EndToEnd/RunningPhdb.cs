using System.Net.Http.Json;
using Orleans.TestingHost;
using PHDB.Simulator.Hosting;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Cli.Tests.EndToEnd;

/// <summary>
/// A running PHDB for the command line to talk to: a migrated database on the fixture's PostgreSQL, a simulated world
/// over loopback, and two in-process silos on that database. The CLI finds it through <c>--database</c> (or a runtime
/// file the test writes) and joins the cluster through the membership table, as it would an AppHost's.
/// </summary>
public sealed class RunningPhdb(PostgresServer postgres) : IAsyncLifetime
{
    /// <summary>Posts in the simulated world.</summary>
    public const int Scale = 150;

    private TestCluster? cluster;

    public SimulatorHost Simulator { get; private set; } = null!;

    public string Database { get; private set; } = null!;

    public TestCluster Cluster => cluster!;

    /// <summary>The cluster id the silos registered under in the membership table.</summary>
    public string ClusterId { get; private set; } = null!;

    /// <summary>The arguments naming this PHDB's database.</summary>
    public string[] Target => ["--database", Database];

    /// <summary>The environment giving the CLI this PHDB's API and token.</summary>
    public IReadOnlyDictionary<string, string?> ApiEnvironment =>
        new Dictionary<string, string?>
        {
            ["ProductHunt__BaseAddress"] = Simulator.BaseAddress.ToString(),
            ["ProductHunt__Token"] = Simulator.DeveloperToken,
        };

    /// <summary>Delays every API answer by <paramref name="delay"/> (zero: none), through the simulator's control API.</summary>
    public async Task SlowDownAsync(TimeSpan delay)
    {
        using var http = new HttpClient { BaseAddress = Simulator.BaseAddress };
        using var response = await http.PutAsJsonAsync(
            "_sim/faults",
            new { slowRate = delay > TimeSpan.Zero ? 1.0 : 0.0, slowDelayMilliseconds = (int)delay.TotalMilliseconds }
        );
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask InitializeAsync()
    {
        Simulator = await HarvestCluster.StartWorldAsync(Scale, CancellationToken.None);
        Database = await postgres.CreateMigratedDatabaseAsync("cli");
        cluster = await HarvestCluster.StartAsync(Database, Simulator, tcp: true);
        await using var connection = new Npgsql.NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var read = new Npgsql.NpgsqlCommand(
            "SELECT min(deployment_id) FROM orleans_membership",
            connection
        );
        ClusterId = (string)(await read.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }

        if (Simulator is not null)
        {
            await Simulator.DisposeAsync();
        }
    }
}
