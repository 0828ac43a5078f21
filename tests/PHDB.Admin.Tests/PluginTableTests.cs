using Bunit;
using PHDB.Admin.Components.Data;
using PHDB.Grains.Plugins;

namespace PHDB.Admin.Tests;

/// <summary>The Plugins page's table over the silos' reports.</summary>
public sealed class PluginTableTests : MudComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_silos_plugins_are_listed_with_version_priority_state_batches_and_failures()
    {
        var table = Render<PluginTable>(p =>
            p.Add(
                x => x.Reports,
                [
                    new SiloPlugins(
                        "silo-a",
                        At,
                        [
                            new PluginReport("keyword-tagger", "1.0.0", 900, "Active", 1_234, 0, null),
                            new PluginReport("sentiment", "2.1.0", 950, "SwitchedOff", 40, 5, "threw Boom: <b>no</b>"),
                        ]
                    ),
                    new SiloPlugins(
                        "silo-b",
                        At,
                        [new PluginReport("Broken", "", 0, "NotLoaded", 0, 0, "no Broken.dll in /plugins/Broken")]
                    ),
                ]
            )
        );

        var rows = table.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Equal(
            ["silo-a", "keyword-tagger", "1.0.0", "900", "active", "1,234", "0", "–"],
            rows[0].Children.Select(c => c.TextContent.Trim())
        );
        var switchedOff = table.Find("tr[data-plugin='sentiment']");
        Assert.Equal(
            "switched off until the silo restarts",
            switchedOff.QuerySelector("[data-testid=plugin-state]")!.TextContent
        );
        Assert.Equal("5", switchedOff.QuerySelector("[data-testid=plugin-failures]")!.TextContent);
        // Text from a plugin is shown as text, never markup.
        Assert.Equal("threw Boom: <b>no</b>", switchedOff.QuerySelector("[data-testid=plugin-error]")!.TextContent);
        Assert.Empty(switchedOff.QuerySelectorAll("[data-testid=plugin-error] b"));
        Assert.Equal(
            ["silo-b", "Broken", "–", "0", "not loaded", "0", "0", "no Broken.dll in /plugins/Broken"],
            rows[2].Children.Select(c => c.TextContent.Trim())
        );
        Assert.All(table.FindAll("th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }
}
