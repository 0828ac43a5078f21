using Microsoft.Data.Sqlite;
using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Export.Tests.Runner;

public sealed class ConsistentSnapshotTests(HarvestedWorld world)
{
    [Fact]
    public async Task An_export_taken_while_a_harvest_writes_has_no_dangling_reference()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var simulator = await HarvestCluster.StartWorldAsync(400, cancellation);
        var database = await world.Postgres.CreateMigratedDatabaseAsync("export_during_harvest", cancellation);
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using var cluster = await HarvestCluster.StartAsync(database, simulator, silos: 1);
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(
            PHDB.Grains.Harvest.IHarvestCoordinatorGrain.Key
        );
        await coordinator.StartFull();
        await Eventually.HoldsAsync(
            async () => await CountAsync(dataSource, "SELECT count(*) FROM votes", cancellation) > 2_000,
            TimeSpan.FromMinutes(2),
            "the harvest stored its first votes"
        );

        using var directory = new TemporaryDirectory("phdb-export");
        var result = await Runners
            .Create(dataSource, directory.Path)
            .RunAsync(new ExportRequest([ExportFormats.Sqlite]), null, cancellation);
        await Eventually.HoldsAsync(
            async () =>
                await CountAsync(dataSource, "SELECT count(*) FROM votes", cancellation) > result.Tables["votes"],
            TimeSpan.FromMinutes(2),
            "the harvest went on writing after the export's snapshot"
        );

        await using var sqlite = new SqliteConnection(
            $"Data Source={Path.Join(result.Directory, "phdb.sqlite")};Mode=ReadOnly;Pooling=False"
        );
        await sqlite.OpenAsync(cancellation);
        await using var check = sqlite.CreateCommand();
        check.CommandText = "PRAGMA foreign_key_check";
        await using var reader = await check.ExecuteReaderAsync(cancellation);
        var dangling = new List<string>();
        while (await reader.ReadAsync(cancellation))
        {
            dangling.Add($"{reader.GetString(0)} row {reader.GetValue(1)} → {reader.GetString(2)}");
        }

        Assert.True(dangling.Count == 0, $"dangling references: {string.Join("; ", dangling.Take(10))}");
        Assert.True(result.Tables["votes"] > 0 && result.Tables["posts"] > 0);
    }

    private static async Task<long> CountAsync(
        NpgsqlDataSource dataSource,
        string sql,
        CancellationToken cancellationToken
    )
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
