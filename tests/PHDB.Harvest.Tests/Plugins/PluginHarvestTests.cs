using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Grains.Plugins;
using PHDB.Harvest.Tests.Engine;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Plugins;

public sealed class PluginHarvestTests(PostgresServer postgres)
{
    /// <summary>
    /// The sample plugin's build output dropped into the silos' plugins folder: the next harvest records its findings
    /// for exactly the posts whose stored name or tagline holds a keyword (found here by PostgreSQL's own word
    /// matching), and the copy still equals the API.
    /// </summary>
    [Fact]
    public async Task The_sample_plugin_dropped_into_the_folder_tags_exactly_the_posts_that_mention_its_keywords()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var plugins = new SamplePlugin();
        await using var simulator = await HarvestCluster.StartWorldAsync(300, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("plugin_harvest", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(
            database,
            simulator,
            settings: new Dictionary<string, string?> { ["Harvest:Plugins:Directory"] = plugins.Directory }
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);

        await coordinator.StartFull();
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(3), "full harvest with a plugin");

        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());
        foreach (var keyword in new[] { "ai", "remote" })
        {
            var mentioning = await IdsAsync(
                database,
                $"SELECT id FROM posts WHERE name ~* '\\m{keyword}\\M' OR tagline ~* '\\m{keyword}\\M'",
                cancellation
            );
            var tagged = await IdsAsync(
                database,
                $"SELECT entity_id FROM quality_findings WHERE entity = 'post' AND check_name = 'keyword-tagger/keyword:{keyword}'",
                cancellation
            );
            Assert.True(mentioning.Count > 10, $"the world has posts mentioning '{keyword}' ({mentioning.Count})");
            Assert.Equal(mentioning, tagged);
        }

        // Each silo reports the plugin to the console: active, every batch processed, none failed.
        IReadOnlyList<SiloPlugins> reports = [];
        await Eventually.HoldsAsync(
            async () =>
            {
                reports = await cluster.Client.GetGrain<IProcessorPluginsGrain>(0).GetReports();
                return reports.Count == cluster.Silos.Count;
            },
            IProcessorPluginsGrain.ReportInterval * 3,
            "every silo reported its plugins"
        );
        Assert.All(
            reports,
            r =>
            {
                var plugin = Assert.Single(r.Plugins);
                Assert.Equal(
                    ("keyword-tagger", "1.0.0", 900, "Active", 0L),
                    (plugin.Name, plugin.Version, plugin.Priority, plugin.State, plugin.Failures)
                );
            }
        );
        Assert.True(reports.Sum(r => r.Plugins[0].Batches) > 0, "the silos ran the plugin over their batches");
    }

    private static async Task<List<long>> IdsAsync(string database, string sql, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql + " ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellation))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
