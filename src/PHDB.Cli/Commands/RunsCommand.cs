using System.CommandLine;
using PHDB.Cli.Connection;
using PHDB.Cli.Output;
using PHDB.Operations;
using PHDB.Storage;
using Spectre.Console;

namespace PHDB.Cli.Commands;

/// <summary><c>phdb runs</c>: the harvest run history with counts, durations and outcome.</summary>
internal static class RunsCommand
{
    public static Command Create(CommandFactory factory)
    {
        var json = GlobalOptions.Json();
        var limit = new Option<int>("--limit", "-n")
        {
            Description = "How many runs, newest first",
            DefaultValueFactory = _ => 20,
        };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--limit must be from 1 to 10000.");
            }
        });
        var command = new Command(
            "runs",
            "The harvest run history, newest first: mode, start, duration, outcome, partitions and those parked"
        )
        {
            json,
            limit,
        };
        factory.AddExamples(command, "phdb runs", "phdb runs -n 5 --json");
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                var runs = await ReadAsync(context.Locate(), context.Parse.GetValue(limit), cancellationToken);
                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(runs.Select(RunJson.From));
                    return ExitCodes.Ok;
                }

                Render(context.Output, runs);
                return ExitCodes.Ok;
            }
        );
        return command;
    }

    /// <summary>Shows the newest <paramref name="limit"/> runs as a table.</summary>
    public static async Task RenderAsync(CliContext context, int limit, CancellationToken cancellationToken) =>
        Render(context.Output, await ReadAsync(context.Locate(), limit, cancellationToken));

    private static async Task<IReadOnlyList<HarvestRun>> ReadAsync(
        PhdbTarget target,
        int limit,
        CancellationToken cancellationToken
    )
    {
        await using var dataSource = PhdbDatabase.Open(target);
        try
        {
            return await new HarvestBookkeeping(dataSource).GetRunsAsync(limit, cancellationToken);
        }
        catch (Exception e) when (PhdbDatabase.IsUnreachable(e))
        {
            throw PhdbDatabase.Unreachable(target, e);
        }
    }

    private static void Render(CliOutput output, IReadOnlyList<HarvestRun> runs)
    {
        if (runs.Count == 0)
        {
            output.Line("No harvest has run yet. Start one with `phdb sync --full`.");
            return;
        }

        var table = output.Table(
            "Run",
            "Mode",
            "Started (UTC)",
            "Duration",
            "Outcome",
            "Partitions",
            "Parked",
            "Error"
        );
        foreach (var run in runs)
        {
            var row = RunJson.From(run);
            table.AddRow(
                row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(row.Mode),
                row.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                row.DurationSeconds is { } seconds ? HarvestText.Duration(TimeSpan.FromSeconds(seconds)) : "–",
                Markup.Escape(row.Outcome),
                HarvestText.Count(row.Partitions),
                HarvestText.Count(row.Parked),
                Markup.Escape(row.Error ?? "")
            );
        }

        output.Console.Write(table);
    }
}
