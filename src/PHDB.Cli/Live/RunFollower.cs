using PHDB.Cli.Output;
using PHDB.Cli.Rendering;
using PHDB.Grains.Harvest;
using Spectre.Console;

namespace PHDB.Cli.Live;

/// <summary>
/// Follows one run until it ends, with progress bars on a terminal, a line per change (at most every
/// <see cref="PlainInterval"/>) without one, or silently; Ctrl-C detaches and leaves the run going.
/// </summary>
internal static class RunFollower
{
    /// <summary>The shortest time between two plain progress lines.</summary>
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    /// <summary>How the follow ended.</summary>
    /// <param name="Final">The run's last status (null when detached before it ended).</param>
    internal sealed record Outcome(HarvestStatus? Final)
    {
        public bool Detached => Final is null;
    }

    /// <summary>Follows run <paramref name="runId"/>, whose follower was started before the run, so nothing is missed.</summary>
    public static async Task<Outcome> FollowAsync(
        CliOutput output,
        HarvestFollower follower,
        long runId,
        bool show,
        CancellationToken cancellationToken
    )
    {
        try
        {
            if (show && !output.IsPlain)
            {
                HarvestStatus? final = null;
                await output
                    .Console.Progress()
                    .AutoClear(false)
                    .HideCompleted(false)
                    .Columns(SyncProgressDisplay.Columns())
                    .StartAsync(async context =>
                    {
                        var display = new SyncProgressDisplay(context);
                        final = await LoopAsync(follower, runId, p => display.Show(p), cancellationToken);
                        context.Refresh();
                    });
                return new Outcome(final);
            }

            var shownAt = DateTimeOffset.MinValue;
            return new Outcome(
                await LoopAsync(
                    follower,
                    runId,
                    progress =>
                    {
                        var now = DateTimeOffset.UtcNow;
                        if (show && (progress.Ended || now - shownAt >= PlainInterval))
                        {
                            shownAt = now;
                            output.Line(progress.Line());
                        }
                    },
                    cancellationToken
                )
            );
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new Outcome(null);
        }
    }

    private static async Task<HarvestStatus> LoopAsync(
        HarvestFollower follower,
        long runId,
        Action<SyncProgress> show,
        CancellationToken cancellationToken
    )
    {
        await foreach (var view in follower.Views.ReadAllAsync(cancellationToken))
        {
            if (view.Status is not { } status || status.RunId < runId)
            {
                continue;
            }

            var progress = SyncProgress.From(view);
            if (status.RunId == runId)
            {
                show(progress);
            }

            if (status.RunId > runId || progress.Ended)
            {
                return status;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>The exit code of a run's outcome: 0 succeeded, 1 failed (partitions parked), 3 cancelled.</summary>
    public static int ExitCode(HarvestStatus final) =>
        final.Phase switch
        {
            HarvestPhase.Cancelled => ExitCodes.Cancelled,
            _ when final.Parked > 0 => ExitCodes.Failure,
            _ => ExitCodes.Ok,
        };

    /// <summary>One line on how the run ended.</summary>
    public static string Describe(HarvestStatus final, long runId)
    {
        if (final.RunId != runId)
        {
            return $"Run #{runId} has ended; run #{final.RunId} has started since (`phdb runs` shows the outcome).";
        }

        var took = final is { StartedAt: { } s, FinishedAt: { } f }
            ? $" in {PHDB.Operations.HarvestText.Duration(f - s)}"
            : "";
        return final.Phase switch
        {
            HarvestPhase.Cancelled => $"Run #{runId} was cancelled{took}.",
            _ when final.Parked > 0 =>
                $"Run #{runId} failed{took}: {final.Parked} of {final.Partitions} partitions parked after repeated failures (`phdb status`).",
            _ => $"Run #{runId} ({final.Mode.ToString().ToLowerInvariant()}) succeeded{took}: {final.Done} partitions.",
        };
    }
}
