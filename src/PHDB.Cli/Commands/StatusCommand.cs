using System.CommandLine;
using PHDB.Cli.Connection;
using PHDB.Cli.Live;
using PHDB.Cli.Output;
using PHDB.Cli.Rendering;
using PHDB.Grains;
using PHDB.Operations;
using PHDB.Storage;
using Spectre.Console;

namespace PHDB.Cli.Commands;

/// <summary><c>phdb status</c>: the run, rows stored, each token's budget and the silos; <c>--watch</c> follows live.</summary>
internal static class StatusCommand
{
    /// <summary>How often <c>--watch</c> re-reads the membership (silos are not on the harvest stream).</summary>
    private static readonly TimeSpan SiloInterval = TimeSpan.FromSeconds(5);

    /// <summary>The shortest time between two reports of <c>--watch</c> in plain text.</summary>
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    public static Command Create(CommandFactory factory)
    {
        var json = GlobalOptions.Json();
        var watch = new Option<bool>("--watch", "-w")
        {
            Description = "Keep the status on screen, re-drawn from the harvest event stream, until Ctrl-C",
        };
        var command = new Command("status", "The harvest run, rows stored, each token's rate budget and the silos")
        {
            json,
            watch,
        };
        factory.AddExamples(command, "phdb status", "phdb status --watch", "phdb status --json | jq .run.phase");
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                if (context.Parse.GetValue(watch) && context.Parse.GetValue(json))
                {
                    throw CliException.Usage("--watch and --json do not go together: --json prints one report.");
                }

                await using var session = await context.ConnectAsync(cancellationToken);
                if (context.Parse.GetValue(watch))
                {
                    await WatchAsync(context.Output, session, cancellationToken);
                    return ExitCodes.Ok;
                }

                var report = await ReadAsync(session, cancellationToken);
                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(report);
                }
                else
                {
                    context.Output.Console.Write(StatusRenderer.Render(report, context.Output, DateTimeOffset.UtcNow));
                }

                return ExitCodes.Ok;
            }
        );
        return command;
    }

    /// <summary>Reads the status once: the grains, the stored totals and the membership.</summary>
    public static async Task<StatusReport> ReadAsync(ClusterSession session, CancellationToken cancellationToken)
    {
        var state = await HarvestGrainState.ReadAsync(session.Client);
        var cluster = await session.Client.GetGrain<IClusterStatusGrain>(0).GetSnapshot();
        StoredTotals? totals = null;
        string? problem = null;
        await using (var dataSource = PhdbDatabase.Open(session.Target))
        {
            try
            {
                totals = await new StoredTotalsReader(dataSource).ReadAsync(cancellationToken);
            }
            catch (Exception e) when (PhdbDatabase.IsUnreachable(e))
            {
                problem = $"The database cannot be read: {e.GetBaseException().Message}";
            }
        }

        return StatusReport.From(HarvestView.Of(state, totals, DateTimeOffset.UtcNow, problem), cluster);
    }

    /// <summary>Re-draws the status on every change of the harvest until <paramref name="cancellationToken"/> fires.</summary>
    public static async Task WatchAsync(CliOutput output, ClusterSession session, CancellationToken cancellationToken)
    {
        await using var follower = await HarvestFollower.StartAsync(session, cancellationToken);
        ClusterSnapshot? cluster = null;
        var silosReadAt = DateTimeOffset.MinValue;
        async Task<StatusReport> NextAsync(HarvestView view)
        {
            var now = DateTimeOffset.UtcNow;
            if (now - silosReadAt >= SiloInterval)
            {
                silosReadAt = now;
                try
                {
                    cluster = await session.Client.GetGrain<IClusterStatusGrain>(0).GetSnapshot();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Shown as the view's problem on the next renewal; keep the last membership meanwhile.
                }
            }

            return StatusReport.From(view, cluster);
        }

        try
        {
            if (output.IsPlain)
            {
                var shownAt = DateTimeOffset.MinValue;
                await foreach (var view in follower.Views.ReadAllAsync(cancellationToken))
                {
                    // Without a terminal each report is appended: at most one every PlainInterval.
                    if (DateTimeOffset.UtcNow - shownAt < PlainInterval)
                    {
                        continue;
                    }

                    shownAt = DateTimeOffset.UtcNow;
                    var report = await NextAsync(view);
                    output.Line($"--- {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z");
                    output.Console.Write(StatusRenderer.Render(report, output, DateTimeOffset.UtcNow));
                }

                return;
            }

            await output
                .Console.Live(new Text("Reading the harvest…"))
                .AutoClear(false)
                .StartAsync(async live =>
                {
                    await foreach (var view in follower.Views.ReadAllAsync(cancellationToken))
                    {
                        var report = await NextAsync(view);
                        live.UpdateTarget(
                            new Rows(
                                StatusRenderer.Render(report, output, DateTimeOffset.UtcNow),
                                new Text("Live from the harvest event stream. Ctrl-C to stop watching.")
                            )
                        );
                    }
                });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C ends the watch, not the harvest.
        }
    }
}
