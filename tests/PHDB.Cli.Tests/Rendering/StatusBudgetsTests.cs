using PHDB.Cli.Output;
using PHDB.Cli.Rendering;
using PHDB.Grains.Harvest;
using PHDB.Grains.RateBudgets;
using PHDB.Operations;
using Spectre.Console.Testing;

namespace PHDB.Cli.Tests.Rendering;

/// <summary>How <c>phdb status</c> shows budgets not used for a day: as the console does, folded away unless asked for.</summary>
public sealed class StatusBudgetsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static HarvestView View() =>
        HarvestView.Empty with
        {
            Status = new HarvestStatus(
                HarvestMode.Full,
                HarvestPhase.Running,
                7,
                Now.AddHours(-1),
                null,
                10,
                3,
                0,
                1,
                null,
                null
            ),
            Budgets = new Dictionary<string, RateBudgetStatus>
            {
                ["current"] = new(
                    1_000,
                    900,
                    Now.AddMinutes(10),
                    null,
                    0,
                    25,
                    0,
                    "…cur1",
                    TimeSpan.FromMinutes(15),
                    100,
                    Now
                ),
                ["earlier-run"] = new(
                    6_250,
                    6_250,
                    null,
                    null,
                    0,
                    0,
                    2,
                    "…old2",
                    TimeSpan.FromMinutes(15),
                    100,
                    Now.AddDays(-2)
                ),
            },
            UpdatedAt = Now,
        };

    [Fact]
    public void An_idle_budget_is_left_out_and_counted_unless_all_are_asked_for()
    {
        var report = StatusReport.From(View(), null);

        var shown = Assert.Single(report.Budgets);
        Assert.Equal("…cur1", shown.Token);
        Assert.False(shown.Idle);
        Assert.Equal(1, report.IdleBudgetsHidden);
        var text = Render(report);
        Assert.DoesNotContain("…old2", text, StringComparison.Ordinal);
        Assert.Contains("1 idle budget(s) not shown", text, StringComparison.Ordinal);
        Assert.Contains("phdb status --all", text, StringComparison.Ordinal);

        var all = StatusReport.From(View(), null, idleBudgets: true);

        Assert.Equal(["…cur1", "…old2"], all.Budgets.Select(b => b.Token));
        Assert.True(all.Budgets[1].Idle);
        Assert.Equal(0, all.IdleBudgetsHidden);
        var allText = Render(all);
        Assert.Contains("idle: last used 2 d 00 h ago", allText, StringComparison.Ordinal);
        Assert.DoesNotContain("not shown", allText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_eta_ignores_the_idle_budget()
    {
        var withIdle = StatusReport.From(View() with { Partitions = Partitions() }, null).Run.EtaSeconds;
        var activeOnly = StatusReport
            .From(
                View() with
                {
                    Partitions = Partitions(),
                    Budgets = View().Budgets.Where(b => b.Key == "current").ToDictionary(),
                },
                null
            )
            .Run.EtaSeconds;

        Assert.NotNull(withIdle);
        Assert.Equal(activeOnly, withIdle);
    }

    private static Dictionary<string, PartitionProgress> Partitions() =>
        new()
        {
            ["run7/posts/a"] = new(
                "run7/posts/a",
                PartitionStatus.Done,
                null,
                40,
                0,
                0,
                0,
                null,
                Now,
                RootExhausted: true
            ),
            ["run7/posts/b"] = new("run7/posts/b", PartitionStatus.Pending, null, 0, 0, 0, 0, null, Now),
        };

    private static string Render(StatusReport report)
    {
        var console = new TestConsole().Width(200);
        var output = new CliOutput(console, TextWriter.Null, plain: true, interactive: false);
        console.Write(StatusRenderer.Render(report, output, Now));
        return console.Output;
    }
}
