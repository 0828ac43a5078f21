using PHDB.Cli.Output;
using PHDB.Cli.Rendering;
using PHDB.Grains;
using PHDB.Grains.Harvest;
using PHDB.Grains.RateBudgets;
using PHDB.Operations;
using PHDB.Storage;
using Spectre.Console;
using Spectre.Console.Testing;

namespace PHDB.Cli.Tests.Rendering;

/// <summary>What the status report and the sync progress look like, drawn on a test console from records built here.</summary>
public sealed class RenderingTests
{
    private const string Fingerprint = "fingerprint-of-the-whole-token";

    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_status_shows_the_run_the_rows_the_budget_by_its_token_hint_and_the_silos()
    {
        var console = new TestConsole().Width(160);
        var output = new CliOutput(console, TextWriter.Null, plain: false, interactive: false);

        console.Write(StatusRenderer.Render(Report(), output, Now));

        var text = console.Output;
        Assert.Contains("#7", text, StringComparison.Ordinal);
        Assert.Contains("full", text, StringComparison.Ordinal);
        Assert.Contains("running", text, StringComparison.Ordinal);
        Assert.Contains("3/10 done, 1 parked, 2 fetching", text, StringComparison.Ordinal);
        Assert.Contains("Running for", text, StringComparison.Ordinal);
        Assert.Contains("12,345", text, StringComparison.Ordinal);
        Assert.Contains("…wxyz", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Fingerprint, text, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:11111@1", text, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:11112@2", text, StringComparison.Ordinal);
        Assert.Contains("silo-host", text, StringComparison.Ordinal);
        Assert.Contains("Active", text, StringComparison.Ordinal);
        Assert.Contains("╭", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_output_has_no_escape_sequences_and_no_borders()
    {
        var console = new TestConsole().Width(200).EmitAnsiSequences();
        var output = new CliOutput(console, TextWriter.Null, plain: true, interactive: false);

        console.Write(StatusRenderer.Render(Report(), output, Now));

        var text = console.Output;
        Assert.Contains("3/10 done", text, StringComparison.Ordinal);
        Assert.Contains("…wxyz", text, StringComparison.Ordinal);
        Assert.False(CliProcess.HasAnsi(text), text);
        Assert.DoesNotContain("╭", text, StringComparison.Ordinal);
        Assert.DoesNotContain("│", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_before_any_run_says_none_yet_and_shows_a_problem()
    {
        var console = new TestConsole().Width(160);
        var output = new CliOutput(console, TextWriter.Null, plain: true, interactive: false);
        var view = HarvestView.Empty with { UpdatedAt = Now, Problem = "The database cannot be read: refused" };

        console.Write(StatusRenderer.Render(StatusReport.From(view, null), output, Now));

        Assert.Contains("none yet", console.Output, StringComparison.Ordinal);
        Assert.Contains("idle", console.Output, StringComparison.Ordinal);
        Assert.Contains("Warning: The database cannot be read: refused", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Silo", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sync_progress_shows_partitions_and_counters_and_done_once_ended()
    {
        var console = new TestConsole().Width(160).Interactive().EmitAnsiSequences();
        var running = Progress(HarvestPhase.Running, done: 3, posts: 120, requests: 15);
        var ended = Progress(HarvestPhase.Completed, done: 10, posts: 456, requests: 78);
        string during = "";

        console
            .Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(SyncProgressDisplay.Columns())
            .Start(context =>
            {
                var display = new SyncProgressDisplay(context);
                display.Show(running);
                context.Refresh();
                during = console.Output;
                display.Show(ended);
                context.Refresh();
            });

        Assert.Contains("Partitions 3/10 · ETA not known yet", during, StringComparison.Ordinal);
        Assert.Contains("Budget 900/1,000 points left", during, StringComparison.Ordinal);
        Assert.Contains("Posts 120", during, StringComparison.Ordinal);
        Assert.Contains("Requests 15", during, StringComparison.Ordinal);
        Assert.DoesNotContain("done", during, StringComparison.Ordinal);

        var final = console.Output[during.Length..];
        Assert.Contains("Partitions 10/10 · done", final, StringComparison.Ordinal);
        Assert.Contains("Posts 456", final, StringComparison.Ordinal);
        Assert.Contains("Comments 2", final, StringComparison.Ordinal);
        Assert.Contains("Votes 3", final, StringComparison.Ordinal);
        Assert.Contains("Requests 78", final, StringComparison.Ordinal);
        Assert.Contains("100%", final, StringComparison.Ordinal);
    }

    [Fact]
    public void A_progress_line_says_it_all_in_one_line()
    {
        var line = Progress(HarvestPhase.Running, done: 3, posts: 12_345, requests: 1_500).Line();

        Assert.Equal(
            "run #7 running: partitions 3/10 (1 parked), posts 12,345, comments 2, votes 3, requests 1,500, budget 900/1,000, ETA not known yet",
            line
        );
        Assert.EndsWith(
            ", done",
            Progress(HarvestPhase.Cancelled, done: 4, posts: 0, requests: 0).Line(),
            StringComparison.Ordinal
        );
        Assert.EndsWith(
            ", about 2 min 00 s left",
            (
                Progress(HarvestPhase.Running, done: 3, posts: 0, requests: 0) with
                {
                    Eta = TimeSpan.FromMinutes(2),
                }
            ).Line(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_progress_is_read_from_a_view()
    {
        var progress = SyncProgress.From(View());

        Assert.Equal(7, progress.RunId);
        Assert.Equal(3, progress.Done);
        Assert.Equal(10, progress.Total);
        Assert.Equal(1, progress.Parked);
        Assert.Equal(40, progress.Posts);
        Assert.Equal(5, progress.Requests);
        Assert.Equal(900, progress.BudgetRemaining);
        Assert.Equal(1_000, progress.BudgetLimit);
        Assert.False(progress.Ended);
    }

    private static SyncProgress Progress(HarvestPhase phase, int done, long posts, long requests) =>
        new(7, phase, done, 10, 1, posts, 2, 3, requests, 900, 1_000, null);

    private static StatusReport Report() =>
        StatusReport.From(
            View(),
            new ClusterSnapshot(
                Now,
                [
                    new SiloStatusEntry(
                        "127.0.0.1:11111@1",
                        "silo-1",
                        "silo-host",
                        "Active",
                        Now.AddHours(-2),
                        Now,
                        40
                    ),
                    new SiloStatusEntry(
                        "127.0.0.1:11112@2",
                        "silo-2",
                        "silo-host",
                        "Active",
                        Now.AddHours(-1),
                        Now,
                        null
                    ),
                ]
            )
        );

    private static HarvestView View() =>
        HarvestView.Empty with
        {
            Status = new HarvestStatus(
                HarvestMode.Full,
                HarvestPhase.Running,
                7,
                Now.AddMinutes(-30),
                null,
                Partitions: 10,
                Done: 3,
                Parked: 1,
                Leased: 2,
                LastCompletedStart: null,
                NextIncrementalAt: null
            ),
            Budgets = new Dictionary<string, RateBudgetStatus>
            {
                [Fingerprint] = new(
                    Limit: 1_000,
                    Remaining: 900,
                    WindowEndsAt: Now.AddMinutes(10),
                    RateLimitedUntil: null,
                    InFlight: 0,
                    RequestsThisWindow: 25,
                    RateLimitHits: 0,
                    TokenHint: "…wxyz"
                ),
            },
            Totals = new StoredTotals(Posts: 12_345, Comments: 678, Users: 90, VotesEstimate: 1_000),
            Written = new WrittenRows(Batches: 5, Posts: 40, Comments: 6, Votes: 7),
            UpdatedAt = Now,
        };
}
