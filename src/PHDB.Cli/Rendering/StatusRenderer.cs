using System.Globalization;
using PHDB.Cli.Output;
using PHDB.Grains.Harvest;
using PHDB.Operations;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PHDB.Cli.Rendering;

/// <summary>Draws a <see cref="StatusReport"/>: the run, rows stored, budgets and silos, as tables.</summary>
internal static class StatusRenderer
{
    public static IRenderable Render(StatusReport report, CliOutput output, DateTimeOffset now)
    {
        var parts = new List<IRenderable> { Run(report.Run, output, now) };
        if (report.Stored is { } stored)
        {
            var table = output.Table("Stored", "Rows");
            table.AddRow("Posts", HarvestText.Count(stored.Posts));
            table.AddRow("Comments", HarvestText.Count(stored.Comments));
            table.AddRow("Votes", HarvestText.Count(stored.Votes));
            table.AddRow("Users", HarvestText.Count(stored.Users));
            parts.Add(table);
        }

        if (report.Budgets.Count > 0)
        {
            var table = output.Table("Token", "Budget left", "Limit", "Resets in", "Requests this window", "429s");
            foreach (var budget in report.Budgets)
            {
                table.AddRow(
                    Markup.Escape(budget.Token),
                    HarvestText.Count(budget.Remaining),
                    HarvestText.Count(budget.Limit),
                    budget.Idle
                        ? budget.LastUsedAt is { } used
                            ? $"idle: last used {HarvestText.Duration(now - used)} ago"
                            : "idle: not used lately"
                        : budget.WindowEndsAt is { } end && end > now
                            ? HarvestText.Duration(end - now)
                            : "window not open",
                    HarvestText.Count(budget.RequestsThisWindow),
                    HarvestText.Count(budget.RateLimitHits)
                );
            }

            parts.Add(table);
        }

        if (report.IdleBudgetsHidden > 0)
        {
            parts.Add(
                new Text(
                    $"{report.IdleBudgetsHidden.ToString(CultureInfo.InvariantCulture)} idle budget(s) not shown (no request for a day or more); phdb status --all lists them."
                )
            );
        }

        var silos = output.Table("Silo", "Host", "Status", "Started (UTC)", "Activations");
        foreach (var silo in report.Silos)
        {
            silos.AddRow(
                Markup.Escape(silo.Address),
                Markup.Escape(silo.Host),
                Markup.Escape(silo.Status),
                Time(silo.StartedAt),
                silo.Activations is { } a ? HarvestText.Count(a) : "–"
            );
        }

        if (report.Silos.Count > 0)
        {
            parts.Add(silos);
        }

        if (report.Problem is { } problem)
        {
            parts.Add(new Text($"Warning: {problem}"));
        }

        // A blank line between the tables, so that plain text (no borders) still reads as separate tables.
        return new Rows(parts.SelectMany((part, i) => i == 0 ? [part] : new IRenderable[] { new Text(""), part }));
    }

    private static Table Run(StatusReport.RunPart run, CliOutput output, DateTimeOffset now)
    {
        var table = output.Table("Run", run.Id == 0 ? "none yet" : $"#{run.Id}");
        table.AddRow("Mode", run.Mode == HarvestMode.None ? "–" : run.Mode.ToString().ToLowerInvariant());
        table.AddRow("Phase", run.Phase.ToString().ToLowerInvariant());
        table.AddRow(
            "Partitions",
            $"{run.Done.ToString(CultureInfo.InvariantCulture)}/{run.Partitions.ToString(CultureInfo.InvariantCulture)} done, {run.Parked.ToString(CultureInfo.InvariantCulture)} parked, {run.Leased.ToString(CultureInfo.InvariantCulture)} fetching"
        );
        if (run.StartedAt is { } started)
        {
            table.AddRow("Started (UTC)", Time(started));
        }

        if (run.FinishedAt is { } finished)
        {
            table.AddRow("Finished (UTC)", Time(finished));
        }
        else if (run.StartedAt is { } runningSince && run.Phase is HarvestPhase.Running or HarvestPhase.Paused)
        {
            table.AddRow("Running for", HarvestText.Duration(now - runningSince));
        }

        table.AddRow(
            "ETA",
            run.EtaSeconds is { } eta ? $"about {HarvestText.Duration(TimeSpan.FromSeconds(eta))} left"
                : run.Phase is HarvestPhase.Running or HarvestPhase.Paused ? "not known yet"
                : "–"
        );
        if (run.NextIncrementalAt is { } next)
        {
            table.AddRow("Next incremental (UTC)", Time(next));
        }

        return table;
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
