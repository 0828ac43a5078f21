using System.Runtime.Loader;
using PHDB.Extensibility;
using PHDB.Harvest.Plugins;
using PHDB.Testing;

namespace PHDB.Harvest.Tests.Plugins;

public sealed class ProcessorPluginLoaderTests
{
    [Fact]
    public void The_sample_loads_in_a_context_of_its_own_sharing_the_hosts_contract()
    {
        using var plugins = new SamplePlugin();

        var load = Assert.Single(ProcessorPluginLoader.Load(plugins.Directory));

        Assert.Null(load.Error);
        Assert.Equal("keyword-tagger", load.Name);
        Assert.Equal("1.0.0", load.Version);
        Assert.Equal(900, load.Priority);
        var processor = Assert.IsAssignableFrom<IHarvestProcessor>(load.Processor);
        var context = AssemblyLoadContext.GetLoadContext(processor.GetType().Assembly);
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.Equal($"plugin:{SamplePlugin.Name}", context!.Name);
        Assert.False(File.Exists(Path.Join(plugins.PluginFolder, "PHDB.Extensibility.dll")), "the contract is PHDB's");
    }

    [Fact]
    public void The_sample_tags_posts_by_the_keywords_beside_it()
    {
        using var plugins = new SamplePlugin();
        File.WriteAllLines(Path.Join(plugins.PluginFolder, "keywords.txt"), ["# comment", "rockets", "launch day"]);
        var processor = ProcessorPluginLoader.Load(plugins.Directory)[0].Processor!;
        var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var found = processor.Process(
            new HarvestedBatch(
                [
                    new HarvestedPost(1, "Rockets", "Go far", null, "https://a.example", 1, 0, created, []),
                    new HarvestedPost(
                        2,
                        "Pocketsrockets",
                        "Our LAUNCH DAY!",
                        null,
                        "https://b.example",
                        1,
                        0,
                        created,
                        []
                    ),
                    new HarvestedPost(3, "Calm", "Nothing to see", null, "https://c.example", 1, 0, created, []),
                ],
                []
            ),
            CancellationToken.None
        );

        Assert.Equal(["1 keyword:rockets", "2 keyword:launch day"], found.Select(f => $"{f.EntityId} {f.Check}"));
        Assert.All(found, f => Assert.Equal(ProcessorFinding.Post, f.Entity));
    }

    [Fact]
    public void What_cannot_be_used_is_reported_with_its_reason_and_the_other_plugins_still_load()
    {
        using var plugins = new SamplePlugin();
        Directory.CreateDirectory(Path.Join(plugins.Directory, "Empty"));
        var corrupt = Directory.CreateDirectory(Path.Join(plugins.Directory, "Corrupt"));
        File.WriteAllBytes(Path.Join(corrupt.FullName, "Corrupt.dll"), [0x4D, 0x5A, 0x00, 0x01, 0x02]);
        var notAPlugin = Directory.CreateDirectory(Path.Join(plugins.Directory, "PHDB.Testing"));
        File.Copy(typeof(Eventually).Assembly.Location, Path.Join(notAPlugin.FullName, "PHDB.Testing.dll"));

        var loads = ProcessorPluginLoader.Load(plugins.Directory).ToDictionary(l => l.Name);

        Assert.StartsWith("cannot be loaded", loads["Corrupt"].Error, StringComparison.Ordinal);
        Assert.StartsWith("no Empty.dll", loads["Empty"].Error, StringComparison.Ordinal);
        Assert.Equal("PHDB.Testing.dll has no public IHarvestProcessor", loads["PHDB.Testing"].Error);
        Assert.Null(loads["keyword-tagger"].Error);
    }
}
