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
        var all = new Option<bool>("--all", "-a")
        {
            Description = "Also list idle rate budgets (tokens no request used for a day or more)",
        };
        var command = new Command("status", "The harvest run, rows stored, each token's rate budget and the silos")
        {
            json,
            watch,
            all,
        };
        factory.AddExamples(
            command,
            "phdb status",
            "phdb status --watch",
            "phdb status --all",
            "phdb status --json | jq .run.phase"
        );
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                if (context.Parse.GetValue(watch) && context.Parse.GetValue(json))
                {
                    throw CliException.Usage("--watch and --json do not go together: --json prints one report.");
                }

                if (context.Parse.GetValue(watch))
                {
                    await using var watched = await context.ConnectAsync(cancellationToken);
                    await WatchAsync(context.Output, watched, context.Parse.GetValue(all), cancellationToken);
                    return ExitCodes.Ok;
                }

                // The stored totals are read while the client joins the cluster.
                var target = context.Locate();
                var totals = ReadTotalsAsync(target, cancellationToken);
                await using var session = await ClusterSession.ConnectAsync(
                    target,
                    context.Verbose,
                    ClusterSession.DefaultTimeout,
                    cancellationToken
                );
                var report = await ReadAsync(session, totals, context.Parse.GetValue(all));
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
    public static Task<StatusReport> ReadAsync(ClusterSession session, CancellationToken cancellationToken) =>
        ReadAsync(session, ReadTotalsAsync(session.Target, cancellationToken), idleBudgets: false);

    private static async Task<StatusReport> ReadAsync(
        ClusterSession session,
        Task<(StoredTotals? Totals, string? Problem)> totals,
        bool idleBudgets
    )
    {
        var state = await HarvestGrainState.ReadAsync(session.Client);
        var cluster = await session.Client.GetGrain<IClusterStatusGrain>(0).GetSnapshot();
        var (stored, problem) = await totals;
        return StatusReport.From(HarvestView.Of(state, stored, DateTimeOffset.UtcNow, problem), cluster, idleBudgets);
    }

    /// <summary>The stored totals, or why they cannot be read (the rest of the status can still be shown).</summary>
    private static async Task<(StoredTotals? Totals, string? Problem)> ReadTotalsAsync(
        PhdbTarget target,
        CancellationToken cancellationToken
    )
    {
        await using var dataSource = PhdbDatabase.Open(target);
        try
        {
            return (await new StoredTotalsReader(dataSource).ReadAsync(cancellationToken), null);
        }
        catch (Exception e) when (PhdbDatabase.IsUnreachable(e) || e is Npgsql.NpgsqlException)
        {
            return (null, $"The database cannot be read: {e.GetBaseException().Message}");
        }
    }

    /// <summary>Re-draws the status on every change of the harvest until <paramref name="cancellationToken"/> fires.</summary>
    public static Task WatchAsync(CliOutput output, ClusterSession session, CancellationToken cancellationToken) =>
        WatchAsync(output, session, idleBudgets: false, cancellationToken);

    /// <summary>
    /// Re-draws the status on every change of the harvest until <paramref name="cancellationToken"/> fires; idle
    /// budgets only with <paramref name="idleBudgets"/>.
    /// </summary>
    public static async Task WatchAsync(
        CliOutput output,
        ClusterSession session,
        bool idleBudgets,
        CancellationToken cancellationToken
    )
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

            return StatusReport.From(view, cluster, idleBudgets);
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
