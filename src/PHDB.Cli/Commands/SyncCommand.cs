using System.CommandLine;
using PHDB.Cli.Live;
using PHDB.Grains.Harvest;

namespace PHDB.Cli.Commands;

/// <summary>
/// <c>phdb sync</c>: starts a full or incremental run, follows it with progress bars, or waits for its outcome;
/// <c>phdb sync pause|resume|cancel</c> act on the current run.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(CommandFactory factory)
    {
        var incremental = new Option<bool>("--incremental", "-i")
        {
            Description = "Start an incremental run: new posts, recent changes, new topics and collections",
        };
        var full = new Option<bool>("--full")
        {
            Description = "Start a full run: every post since 2013 with its comments and votes (asks to confirm)",
        };
        var follow = new Option<bool>("--follow", "-f")
        {
            Description = "Show live progress until the run ends; Ctrl-C detaches and the run goes on",
        };
        var wait = new Option<bool>("--wait")
        {
            Description = "Exit with the run's outcome: 0 succeeded, 1 failed, 3 cancelled",
        };
        var yes = GlobalOptions.Yes();
        var json = GlobalOptions.Json();
        var command = new Command(
            "sync",
            "Start a harvest run (--incremental or --full), follow it, or wait for it; pause, resume or cancel the current run"
        )
        {
            incremental,
            full,
            follow,
            wait,
            yes,
            json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(incremental) && result.GetValue(full))
            {
                result.AddError("--incremental and --full exclude each other.");
            }
        });
        factory.AddExamples(
            command,
            "phdb sync --incremental --follow",
            "phdb sync --full --yes --wait        # in cron or CI: exit code is the outcome",
            "phdb sync --follow                   # follow the run in progress",
            "phdb sync pause"
        );
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                var start =
                    context.Parse.GetValue(full) ? HarvestMode.Full
                    : context.Parse.GetValue(incremental) ? HarvestMode.Incremental
                    : HarvestMode.None;
                var following = context.Parse.GetValue(follow);
                var waiting = context.Parse.GetValue(wait);
                if (start == HarvestMode.None && !following && !waiting)
                {
                    throw CliException.Usage(
                        "Say what to do: --incremental or --full starts a run; --follow or --wait follows the current one."
                    );
                }

                if (
                    start == HarvestMode.Full
                    && !context.Confirm(
                        "Start a full harvest? It re-reads every post since 2013 and can take days on the live API's budget.",
                        context.Parse.GetValue(yes)
                    )
                )
                {
                    context.Output.Notice("Nothing started.");
                    return ExitCodes.Ok;
                }

                await using var session = await context.ConnectAsync(cancellationToken);
                await using var follower =
                    following || waiting ? await HarvestFollower.StartAsync(session, cancellationToken) : null;
                var before = await session.Coordinator.GetStatus();
                var status = start switch
                {
                    HarvestMode.Full => await session.Coordinator.StartFull(),
                    HarvestMode.Incremental => await session.Coordinator.StartIncremental(),
                    _ => before,
                };
                var started = start != HarvestMode.None && status.RunId != before.RunId;
                if (start != HarvestMode.None && !started)
                {
                    var active =
                        $"A {status.Mode.ToString().ToLowerInvariant()} run (#{status.RunId}) is {status.Phase.ToString().ToLowerInvariant()}; no new run was started.";
                    if (follower is null)
                    {
                        throw new CliException(
                            ExitCodes.TemporaryFailure,
                            $"{active} `phdb sync --follow` follows it; start again once it has ended."
                        );
                    }

                    context.Output.Notice($"{active} Following it.");
                }
                else if (started)
                {
                    context.Output.Notice($"Started {status.Mode.ToString().ToLowerInvariant()} run #{status.RunId}.");
                }

                if (follower is null)
                {
                    return ExitCodes.Ok;
                }

                if (status.Phase is not (HarvestPhase.Running or HarvestPhase.Paused) && !started)
                {
                    context.Output.Notice(
                        status.RunId == 0
                            ? "No run has started yet. `phdb sync --incremental` or `--full` starts one."
                            : $"No run is in progress; the last one: {RunFollower.Describe(status, status.RunId)}"
                    );
                    return status.RunId == 0 ? ExitCodes.Ok
                        : waiting ? RunFollower.ExitCode(status)
                        : ExitCodes.Ok;
                }

                var outcome = await RunFollower.FollowAsync(
                    context.Output,
                    follower,
                    status.RunId,
                    following,
                    cancellationToken
                );
                if (outcome.Final is not { } final)
                {
                    context.Output.Notice(
                        $"Detached: run #{status.RunId} goes on. `phdb sync --follow` follows it again, `phdb sync cancel` stops it."
                    );
                    return waiting ? ExitCodes.Interrupted : ExitCodes.Ok;
                }

                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(
                        new
                        {
                            runId = status.RunId,
                            final.Phase,
                            final.Mode,
                            final.Partitions,
                            final.Done,
                            final.Parked,
                            final.StartedAt,
                            final.FinishedAt,
                            exitCode = RunFollower.ExitCode(final),
                        }
                    );
                }
                else
                {
                    context.Output.Line(RunFollower.Describe(final, status.RunId));
                }

                return waiting ? RunFollower.ExitCode(final) : ExitCodes.Ok;
            }
        );
        command.Subcommands.Add(
            Control(factory, "pause", "Stop handing out work; pages being fetched finish", c => c.PauseRun())
        );
        command.Subcommands.Add(
            Control(
                factory,
                "resume",
                "Continue a paused run; parked partitions get another chance",
                c => c.ResumeRun()
            )
        );
        command.Subcommands.Add(
            Control(
                factory,
                "cancel",
                "End the current run for good (asks to confirm)",
                c => c.CancelRun(),
                confirm: true
            )
        );
        return command;
    }

    private static Command Control(
        CommandFactory factory,
        string name,
        string description,
        Func<IHarvestControl, Task<HarvestStatus>> act,
        bool confirm = false
    )
    {
        var yes = GlobalOptions.Yes();
        var json = GlobalOptions.Json();
        var command = new Command(name, description) { json };
        if (confirm)
        {
            command.Options.Add(yes);
        }

        factory.AddExamples(command, $"phdb sync {name}" + (confirm ? " --yes" : ""));
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                await using var session = await context.ConnectAsync(cancellationToken);
                var before = await session.Coordinator.GetStatus();
                if (before.Phase is not (HarvestPhase.Running or HarvestPhase.Paused))
                {
                    throw new CliException(
                        ExitCodes.Failure,
                        $"No run is in progress (the last one is {before.Phase.ToString().ToLowerInvariant()}): nothing to {name}."
                    );
                }

                if (
                    confirm
                    && !context.Confirm(
                        $"Cancel {before.Mode.ToString().ToLowerInvariant()} run #{before.RunId}? It cannot be resumed.",
                        context.Parse.GetValue(yes)
                    )
                )
                {
                    context.Output.Notice("Nothing changed.");
                    return ExitCodes.Ok;
                }

                var after = await act(session.Coordinator);
                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(
                        new
                        {
                            runId = after.RunId,
                            after.Mode,
                            after.Phase,
                            after.Partitions,
                            after.Done,
                            after.Parked,
                        }
                    );
                }
                else
                {
                    context.Output.Line(
                        $"Run #{after.RunId} ({after.Mode.ToString().ToLowerInvariant()}) is {after.Phase.ToString().ToLowerInvariant()}: {after.Done}/{after.Partitions} partitions done."
                    );
                }

                return ExitCodes.Ok;
            }
        );
        return command;
    }
}
