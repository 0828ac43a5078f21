using Npgsql;
using PHDB.Simulator.Hosting;
using PHDB.Testing;
using PHDB.Testing.Truth;

namespace PHDB.Truth.Tests;

/// <summary>
/// A still simulator world (scale 200) and a template database holding its truth, written through
/// <see cref="TruthLoader"/>; each test works on a copy (<see cref="CopyAsync"/>), so breaking one thing stays local.
/// </summary>
public sealed class LoadedTruth(PostgresServer postgres) : IAsyncLifetime
{
    private SimulatorHost? simulator;
    private string? template;

    /// <summary>The running simulator.</summary>
    public SimulatorHost Simulator => simulator ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The truth the template holds.</summary>
    public SimulatorTruth Truth { get; private set; } = null!;

    /// <summary>Users the API discloses (the development application's owner).</summary>
    public IReadOnlySet<long> Disclosed { get; private set; } = new HashSet<long>();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        simulator = await SimulatorHost.StartAsync(
            o =>
            {
                o.Scale = 200;
                o.Clock.Speed = 0;
            },
            cancellationToken: cancellationToken
        );
        Truth = await SimulatorTruth.LoadAsync(simulator.BaseAddress, cancellationToken);
        Disclosed = Truth.ApplicationOwnerIds.ToHashSet();
        var connectionString = await postgres.CreateMigratedDatabaseAsync("truth_template", cancellationToken);
        await TruthLoader.WriteAsync(Truth, Disclosed, connectionString, cancellationToken);
        NpgsqlConnection.ClearAllPools();
        template = new NpgsqlConnectionStringBuilder(connectionString).Database;
    }

    /// <summary>A new database holding exactly the truth; returns its connection string.</summary>
    public async Task<string> CopyAsync(CancellationToken cancellationToken)
    {
        var name = $"truth_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(postgres.ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return postgres.ConnectionString(name);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }
    }
}
