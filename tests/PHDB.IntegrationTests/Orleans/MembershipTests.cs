using Npgsql;
using PHDB.Grains;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Orleans;

public sealed class MembershipTests(PostgresServer postgres)
{
    [Fact]
    public async Task Two_silos_join_and_a_killed_silo_is_declared_dead_within_15_seconds()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("membership", TestContext.Current.CancellationToken);
        await using var cluster = await PhdbTestCluster.StartAsync(database, silos: 2);

        await Eventually.HoldsAsync(
            async () => (await StatusesAsync(database)).Count(s => s == SiloStatus.Active) == 2,
            TimeSpan.FromSeconds(15),
            "two silos Active in the membership table"
        );

        var victim = cluster.Silos[^1];
        await cluster.KillSiloAsync(victim, TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(
            async () => await StatusOfAsync(database, victim.SiloAddress) == SiloStatus.Dead,
            TimeSpan.FromSeconds(15),
            $"the killed silo {victim.SiloAddress} marked Dead by the survivor"
        );
        var snapshot = await cluster.Client.GetGrain<IClusterStatusGrain>(0).GetSnapshot();
        Assert.Equal(1, snapshot.ActiveSilos);
        Assert.Contains(snapshot.Silos, s => s.Address == victim.SiloAddress.ToParsableString() && s.Status == "Dead");
        Assert.All(snapshot.Silos.Where(s => s.IsActive), s => Assert.True(s.GrainActivations > 0));
    }

    private static async Task<List<SiloStatus>> StatusesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT status FROM orleans_membership", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var statuses = new List<SiloStatus>();
        while (await reader.ReadAsync())
        {
            statuses.Add((SiloStatus)reader.GetInt32(0));
        }

        return statuses;
    }

    private static async Task<SiloStatus?> StatusOfAsync(string database, SiloAddress silo)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT status FROM orleans_membership WHERE port = @port AND generation = @generation",
            connection
        );
        query.Parameters.AddWithValue("port", silo.Endpoint.Port);
        query.Parameters.AddWithValue("generation", silo.Generation);
        return await query.ExecuteScalarAsync() is int status ? (SiloStatus)status : null;
    }
}
