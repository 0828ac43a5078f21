using PHDB.Cli.Tests.EndToEnd;
using PHDB.Grains.Harvest;
using PHDB.Testing;

namespace PHDB.Cli.Tests.Terminal;

/// <summary>
/// phdb in a pseudo-terminal (tmux), as a person at a terminal sees it: progress bars, the interactive menu, keys,
/// Ctrl-C, and colours only when allowed. A PHDB of their own, since the runs change its one coordinator.
/// </summary>
public sealed class TerminalTests(RunningPhdb phdb) : IClassFixture<RunningPhdb>
{
    private static readonly TimeSpan Screen = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Run = TimeSpan.FromMinutes(3);
    private static readonly string[] ProgressBars = ["Partitions", "Budget", "Posts", "Requests"];

    private IHarvestCoordinatorGrain Coordinator =>
        phdb.Cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);

    [Fact]
    public async Task Sync_follow_shows_progress_bars_until_the_run_succeeds()
    {
        await NoRunInProgressAsync();
        await phdb.SlowDownAsync(TimeSpan.FromMilliseconds(300));
        try
        {
            using var tmux = await TmuxSession.StartPhdbAsync(["sync", "--incremental", "--follow", .. phdb.Target]);

            await tmux.WaitForAsync(
                screen => ProgressBars.All(screen.Contains),
                Screen,
                "the progress bars Partitions, Budget, Posts and Requests"
            );
            var screen = await tmux.WaitForTextAsync("succeeded", Run);
            Assert.Equal(0, await tmux.WaitForExitAsync(Screen));
            Assert.Contains("Started incremental run #", screen, StringComparison.Ordinal);
            Assert.Contains("done", screen, StringComparison.Ordinal);
            Assert.True(CliProcess.HasAnsi(WithoutKeypadMode(tmux.RawOutput)), tmux.RawOutput);
        }
        finally
        {
            await phdb.SlowDownAsync(TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task Ctrl_c_detaches_from_a_followed_run_which_goes_on()
    {
        await NoRunInProgressAsync();
        await phdb.SlowDownAsync(TimeSpan.FromMilliseconds(1000));
        try
        {
            using var tmux = await TmuxSession.StartPhdbAsync(["sync", "--full", "--yes", "--follow", .. phdb.Target]);
            await tmux.WaitForTextAsync("Partitions", Screen);

            await tmux.SendKeysAsync("C-c");

            var exit = await tmux.WaitForExitAsync(Screen);
            var screen = await tmux.ScreenAsync();
            Assert.True(exit == 0, $"exit {exit}; the screen:\n{screen}");
            Assert.Contains("Detached", screen, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", screen, StringComparison.Ordinal);
            var status = await Coordinator.GetStatus();
            Assert.Equal(HarvestMode.Full, status.Mode);
            Assert.Equal(HarvestPhase.Running, status.Phase);
        }
        finally
        {
            await phdb.SlowDownAsync(TimeSpan.Zero);
            await NoRunInProgressAsync();
        }
    }

    [Fact]
    public async Task Interactive_shows_the_status_and_leaves_with_escape_or_ctrl_c()
    {
        using (var tmux = await TmuxSession.StartPhdbAsync(["interactive", .. phdb.Target]))
        {
            await tmux.WaitForTextAsync("What now?", Screen);

            await tmux.SendKeysAsync("Enter"); // the first choice: Status

            // The first prompt clears itself once answered; the menu comes back below the status table.
            await tmux.WaitForAsync(
                screen =>
                    screen.IndexOf("Phase", StringComparison.Ordinal) is var table and >= 0
                    && screen.IndexOf("What now?", table, StringComparison.Ordinal) >= 0,
                Screen,
                "the status table (Phase), then the menu again"
            );
            await tmux.SendKeysAsync("Escape");
            await tmux.WaitForTextAsync("Bye.", Screen);
            var exit = await tmux.WaitForExitAsync(Screen);
            Assert.True(exit == 0, $"exit {exit}; the screen:\n{tmux}");
        }

        using (var tmux = await TmuxSession.StartPhdbAsync(["interactive", .. phdb.Target]))
        {
            await tmux.WaitForTextAsync("What now?", Screen);

            await tmux.SendKeysAsync("C-c");

            var exit = await tmux.WaitForExitAsync(Screen);
            var screen = await tmux.ScreenAsync();
            Assert.True(exit is 0 or 130, $"exit {exit}; the screen:\n{screen}");
            Assert.DoesNotContain("   at ", screen, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_color_keeps_escape_sequences_out_even_on_a_terminal()
    {
        string coloured;
        using (var tmux = await TmuxSession.StartPhdbAsync(["status", .. phdb.Target]))
        {
            var exit = await tmux.WaitForExitAsync(Screen);
            Assert.True(exit == 0, $"exit {exit}; the screen:\n{tmux}");
            coloured = tmux.RawOutput;
        }

        using (
            var tmux = await TmuxSession.StartPhdbAsync(
                ["status", .. phdb.Target],
                new Dictionary<string, string?> { ["NO_COLOR"] = "1" }
            )
        )
        {
            var exit = await tmux.WaitForExitAsync(Screen);
            var screen = await tmux.ScreenAsync();
            Assert.True(exit == 0, $"exit {exit}; the screen:\n{screen}");
            Assert.Contains("Phase", screen, StringComparison.Ordinal);
            Assert.False(CliProcess.HasAnsi(WithoutKeypadMode(tmux.RawOutput)), tmux.RawOutput);
            Assert.DoesNotContain("╭", tmux.RawOutput, StringComparison.Ordinal);
        }

        // Without NO_COLOR the same report is drawn for the terminal: tables with rounded borders.
        Assert.Contains("Phase", coloured, StringComparison.Ordinal);
        Assert.Contains("╭", coloured, StringComparison.Ordinal);
    }

    /// <summary>
    /// The output without the terminal set-up .NET itself writes when it initialises the console on a terminal (keypad
    /// transmit mode: <c>ESC[?1h ESC=</c>, and its reverse), which is not the program's output and NO_COLOR does not govern.
    /// </summary>
    private static string WithoutKeypadMode(string raw) =>
        raw.Replace("\u001b[?1h\u001b=", "", StringComparison.Ordinal)
            .Replace("\u001b[?1l\u001b>", "", StringComparison.Ordinal);

    /// <summary>Cancels a run left in progress and waits until it has ended, so each test starts from a quiet PHDB.</summary>
    private async Task NoRunInProgressAsync()
    {
        var status = await Coordinator.GetStatus();
        if (status.Phase is HarvestPhase.Running or HarvestPhase.Paused)
        {
            await Coordinator.CancelRun();
        }

        await Eventually.HoldsAsync(
            async () => (await Coordinator.GetStatus()).Phase is not (HarvestPhase.Running or HarvestPhase.Paused),
            TimeSpan.FromSeconds(30),
            "no harvest run in progress"
        );
    }
}
