using System.CommandLine;
using PHDB.Cli.Connection;
using PHDB.Cli.Health;
using PHDB.Cli.Interactive;
using PHDB.Cli.Live;
using PHDB.Cli.Rendering;
using PHDB.Grains.Harvest;
using Spectre.Console;

namespace PHDB.Cli.Commands;

/// <summary>
/// <c>phdb interactive</c>: a menu of the common workflows (status, start and follow runs, pause, resume, cancel,
/// health, run history) with confirmations; Esc or Ctrl-C leaves cleanly.
/// </summary>
internal static class InteractiveCommand
{
    private const string Status = "Status";
    private const string Watch = "Watch the status live";
    private const string Incremental = "Start an incremental run and follow it";
    private const string Full = "Start a full run and follow it";
    private const string Follow = "Follow the current run";
    private const string Pause = "Pause the current run";
    private const string Resume = "Resume the paused run";
    private const string Cancel = "Cancel the current run";
    private const string Health = "Health check";
    private const string Runs = "Run history";
    private const string Quit = "Quit";

    public static Command Create(CommandFactory factory)
    {
        var command = new Command(
            "interactive",
            "A menu of the common workflows: status, start and follow runs, health; Esc or Ctrl-C leaves"
        );
        factory.AddExamples(command, "phdb interactive");
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                if (!context.Output.IsInteractive || context.Output.IsPlain)
                {
                    throw CliException.Usage(
                        "phdb interactive needs a terminal (with colours allowed); in scripts use the commands themselves."
                    );
                }

                var console = new EscapableConsole(context.Output.Console);
                try
                {
                    await using var session = await context.ConnectAsync(cancellationToken);
                    await MenuAsync(context, console, session, cancellationToken);
                }
                catch (Exception e) when (e is EscapePressedException or OperationCanceledException)
                {
                    // Esc or Ctrl-C: leave without a fuss.
                }

                console.WriteLine("Bye.");
                return ExitCodes.Ok;
            }
        );
        return command;
    }

    private static async Task MenuAsync(
        CliContext context,
        EscapableConsole console,
        ClusterSession session,
        CancellationToken cancellationToken
    )
    {
        while (true)
        {
            var status = await session.Coordinator.GetStatus();
            var active = status.Phase is HarvestPhase.Running or HarvestPhase.Paused;
            var choices = new List<string> { Status, Watch };
            choices.AddRange(
                active ? [Follow, status.Phase == HarvestPhase.Paused ? Resume : Pause, Cancel] : [Incremental, Full]
            );
            choices.AddRange([Health, Runs, Quit]);
            var choice = await new SelectionPrompt<string>()
                .Title(
                    $"PHDB at {Markup.Escape(session.Target.Describe())}: run #{status.RunId} {status.Phase.ToString().ToLowerInvariant()}. What now? [grey](Esc leaves)[/]"
                )
                .AddChoices(choices)
                .ShowAsync(console, cancellationToken);
            switch (choice)
            {
                case Status:
                    console.Write(
                        StatusRenderer.Render(
                            await StatusCommand.ReadAsync(session, cancellationToken),
                            context.Output,
                            DateTimeOffset.UtcNow
                        )
                    );
                    break;
                case Watch:
                    console.MarkupLine("[grey]Esc or q returns to the menu.[/]");
                    using (var keys = new KeyWatch(console, cancellationToken))
                    {
                        await StatusCommand.WatchAsync(context.Output, session, keys.Token);
                    }

                    break;
                case Incremental:
                    await StartAndFollowAsync(context, console, session, HarvestMode.Incremental, cancellationToken);
                    break;
                case Full:
                    if (
                        await new ConfirmationPrompt(
                            "Start a full harvest? It re-reads every post since 2013 and can take days on the live API's budget."
                        )
                        {
                            DefaultValue = false,
                        }.ShowAsync(console, cancellationToken)
                    )
                    {
                        await StartAndFollowAsync(context, console, session, HarvestMode.Full, cancellationToken);
                    }

                    break;
                case Follow:
                    await FollowAsync(context, console, session, status.RunId, cancellationToken);
                    break;
                case Pause:
                    Said(console, await session.Coordinator.PauseRun());
                    break;
                case Resume:
                    Said(console, await session.Coordinator.ResumeRun());
                    break;
                case Cancel:
                    if (
                        await new ConfirmationPrompt($"Cancel run #{status.RunId}? It cannot be resumed.")
                        {
                            DefaultValue = false,
                        }.ShowAsync(console, cancellationToken)
                    )
                    {
                        Said(console, await session.Coordinator.CancelRun());
                    }

                    break;
                case Health:
                    var report = await SystemHealth.CheckAsync(context, cancellationToken);
                    foreach (var check in report.Checks)
                    {
                        console.WriteLine(
                            $"{check.Name, -9} {check.Status.ToString().ToLowerInvariant(), -5} {check.Message}"
                        );
                    }

                    console.WriteLine($"PHDB is {report.Status}.");
                    break;
                case Runs:
                    await RunsCommand.RenderAsync(context, 10, cancellationToken);
                    break;
                default:
                    return;
            }
        }
    }

    private static async Task StartAndFollowAsync(
        CliContext context,
        IAnsiConsole console,
        ClusterSession session,
        HarvestMode mode,
        CancellationToken cancellationToken
    )
    {
        var before = await session.Coordinator.GetStatus();
        var status =
            mode == HarvestMode.Full
                ? await session.Coordinator.StartFull()
                : await session.Coordinator.StartIncremental();
        console.WriteLine(
            status.RunId == before.RunId
                ? $"Run #{status.RunId} is already {status.Phase.ToString().ToLowerInvariant()}; following it."
                : $"Started {mode.ToString().ToLowerInvariant()} run #{status.RunId}."
        );
        await FollowAsync(context, console, session, status.RunId, cancellationToken);
    }

    private static async Task FollowAsync(
        CliContext context,
        IAnsiConsole console,
        ClusterSession session,
        long runId,
        CancellationToken cancellationToken
    )
    {
        console.MarkupLine("[grey]Esc or q returns to the menu; the run goes on.[/]");
        using var keys = new KeyWatch(console, cancellationToken);
        await using var follower = await HarvestFollower.StartAsync(session, keys.Token);
        var outcome = await RunFollower.FollowAsync(context.Output, follower, runId, show: true, keys.Token);
        console.WriteLine(
            outcome.Final is { } final ? RunFollower.Describe(final, runId) : $"Run #{runId} goes on in the background."
        );
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static void Said(IAnsiConsole console, HarvestStatus status) =>
        console.WriteLine(
            $"Run #{status.RunId} ({status.Mode.ToString().ToLowerInvariant()}) is {status.Phase.ToString().ToLowerInvariant()}."
        );
}
