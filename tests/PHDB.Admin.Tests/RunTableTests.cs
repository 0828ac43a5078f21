using Bunit;
using PHDB.Admin.Components.Data;
using PHDB.Admin.Data;
using PHDB.Operations;
using PHDB.Storage;
using static PHDB.Admin.Tests.ReadModels;

namespace PHDB.Admin.Tests;

public sealed class RunTableTests : MudComponentTest
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(12, "12 s")]
    [InlineData(185, "3 min 05 s")]
    [InlineData(3720, "1 h 02 min")]
    [InlineData(90000, "1 d 01 h")]
    public void Durations_read_in_their_two_largest_units(int seconds, string text) =>
        Assert.Equal(text, HarvestText.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void A_running_run_lasts_until_now_and_a_finished_one_until_its_end()
    {
        var now = T0.AddHours(3);

        Assert.Equal(TimeSpan.FromHours(3), HarvestRunFacts.Duration(Run(1, T0, null, HarvestOutcome.Running), now));
        Assert.Equal(
            TimeSpan.FromMinutes(20),
            HarvestRunFacts.Duration(Run(2, T0, T0.AddMinutes(20), HarvestOutcome.Succeeded), now)
        );
    }

    [Fact]
    public void The_table_shows_outcome_duration_counts_and_error()
    {
        HarvestRun[] runs =
        [
            Run(3, T0.AddHours(2), null, HarvestOutcome.Running),
            Run(2, T0, T0.AddMinutes(3).AddSeconds(5), HarvestOutcome.Failed, "2 partition(s) parked"),
        ];

        var table = Render<RunTable>(p => p.Add(x => x.Runs, runs).Add(x => x.Now, T0.AddHours(2).AddSeconds(40)));

        var rows = table.FindAll("table[data-testid=runs] tbody tr");
        Assert.Equal(
            ["running", "failed"],
            rows.Select(r => r.QuerySelector("[data-testid=run-outcome]")!.TextContent)
        );
        Assert.Equal(
            ["40 s", "3 min 05 s"],
            rows.Select(r => r.QuerySelector("[data-testid=run-duration]")!.TextContent)
        );
        Assert.Contains("parked: 0", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("partitions: 13", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("2 partition(s) parked", rows[1].TextContent, StringComparison.Ordinal);
        Assert.All(table.FindAll("th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }
}
