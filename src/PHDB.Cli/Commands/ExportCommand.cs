using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PHDB.Cli.Connection;
using PHDB.Cli.Output;
using PHDB.Cli.Rendering;
using PHDB.Export;
using PHDB.Export.Schema;
using PHDB.Runtime;
using Spectre.Console;

namespace PHDB.Cli.Commands;

/// <summary>
/// <c>phdb export</c>: every table of one database snapshot as CSV, Parquet and SQLite with a data card, into
/// <c>&lt;data directory&gt;/exports/&lt;UTC timestamp&gt;/</c> (or <c>--output</c>).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CommandFactory factory)
    {
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Formats, comma-separated: csv, parquet, sqlite (default: all three)",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [.. ExportFormats.All],
            CustomParser = r =>
                [
                    .. r.Tokens.SelectMany(t =>
                        t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    ),
                ],
        };
        format.AcceptOnlyFromAmong([.. ExportFormats.All]);
        format.Validators.Add(r =>
        {
            var unknown = r.GetValueOrDefault<string[]>()?.FirstOrDefault(f => !ExportFormats.All.Contains(f));
            if (unknown is not null)
            {
                r.AddError(
                    $"--format: unknown format '{unknown}'; one or more of {string.Join(", ", ExportFormats.All)}."
                );
            }
        });
        var layout = new Option<string>("--layout")
        {
            Description =
                "phdb (PHDB's tables and derived tables) or producthuntdb (the original dataset's files and columns)",
            DefaultValueFactory = _ => PhdbLayout.Name,
        };
        layout.AcceptOnlyFromAmong([.. ExportLayouts.All.Select(l => l.Name)]);
        var tables = new Option<string[]>("--tables")
        {
            Description = "Only these tables, comma-separated (default: every table of the layout)",
            CustomParser = r =>
                [
                    .. r.Tokens.SelectMany(t =>
                        t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    ),
                ],
        };
        var compress = new Option<string>("--compress") { Description = "Compress the CSV files: gzip" };
        compress.AcceptOnlyFromAmong("gzip", "none");
        var partition = new Option<string>("--partition")
        {
            Description = "Write votes, comments and snapshots Hive-style by month of their time: month",
        };
        partition.AcceptOnlyFromAmong("month", "none");
        var output = new Option<string>("--output", "-o")
        {
            Description = "Write into this folder instead of <data directory>/exports/<UTC timestamp>",
        };
        var force = new Option<bool>("--force") { Description = "Replace the --output folder if it exists" };
        var keep = new Option<int?>("--keep")
        {
            Description =
                "Keep this many exports in the exports directory, removing older ones (0 keeps all; default Export:Keep, 10)",
        };
        keep.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 0)
            {
                r.AddError("--keep must be 0 or more.");
            }
        });
        var json = GlobalOptions.Json();
        var command = new Command(
            "export",
            "Export every table of one consistent database snapshot as CSV, Parquet and SQLite, with a data card (README.md, dataset-metadata.json, manifest.json)"
        )
        {
            format,
            layout,
            tables,
            compress,
            partition,
            output,
            force,
            keep,
            json,
        };
        factory.AddExamples(
            command,
            "phdb export",
            "phdb export --format parquet --partition month",
            "phdb export --format csv --compress gzip --layout producthuntdb",
            "phdb export --tables posts,votes --output ./ph --force --json"
        );
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                var request = new ExportRequest(
                    [.. context.Parse.GetValue(format)!.Distinct(StringComparer.Ordinal)],
                    context.Parse.GetValue(layout)!,
                    context.Parse.GetValue(compress) == "gzip",
                    context.Parse.GetValue(partition) == "month",
                    context.Parse.GetValue(tables) is { Length: > 0 } only ? only : null,
                    context.Parse.GetValue(output),
                    context.Parse.GetValue(force),
                    context.Parse.GetValue(keep)
                );
                var options = Options(context);
                var target = context.Locate();
                await using var dataSource = PhdbDatabase.Open(target);
                var runner = new ExportRunner(
                    dataSource,
                    ExportFormatRegistry.All,
                    options,
                    NullLogger<ExportRunner>.Instance
                );
                ExportResult result;
                try
                {
                    result = await RunAsync(context, runner, request, context.Parse.GetValue(json), cancellationToken);
                }
                catch (ExportFailedException e)
                {
                    throw Translate(e, target);
                }

                if (context.Parse.GetValue(json))
                {
                    context.Output.Json(ExportReportJson.From(result));
                    return ExitCodes.Ok;
                }

                Summarise(context, result);
                return ExitCodes.Ok;
            }
        );
        return command;
    }

    /// <summary>The exit code and one line for a failed export (also a publication's).</summary>
    internal static CliException Translate(ExportFailedException e, PhdbTarget target) =>
        e.Failure switch
        {
            ExportFailure.InvalidRequest => new CliException(ExitCodes.Usage, e.Message, e),
            ExportFailure.CannotCreate => new CliException(ExitCodes.CannotCreate, e.Message, e),
            ExportFailure.WriteFailed => new CliException(ExitCodes.WriteFailed, e.Message, e),
            ExportFailure.DatabaseUnavailable => PhdbDatabase.Unreachable(target, e.InnerException ?? e),
            _ => new CliException(ExitCodes.Failure, e.Message, e),
        };

    private static async Task<ExportResult> RunAsync(
        CliContext context,
        ExportRunner runner,
        ExportRequest request,
        bool json,
        CancellationToken cancellationToken
    )
    {
        if (json || context.Output.IsPlain)
        {
            var lines = json ? null : new ExportProgressLines(context.Output);
            return await runner.RunAsync(request, lines, cancellationToken);
        }

        ExportResult? result = null;
        await context
            .Output.Console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(ExportProgressBars.Columns())
            .StartAsync(async progress =>
            {
                var bars = new ExportProgressBars(progress);
                result = await runner.RunAsync(request, bars, cancellationToken);
                bars.Finish();
            });
        return result!;
    }

    internal static ExportOptions Options(CliContext context)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = new ExportOptions();
        configuration.GetSection(ExportOptions.Section).Bind(options);
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            options.Directory = Path.Join(context.DataDirectory, "exports");
        }

        // Kaggle's own client names the account KAGGLE_USERNAME; it is the natural owner of the dataset.
        var kaggleUser = Environment.GetEnvironmentVariable("KAGGLE_USERNAME");
        if (string.IsNullOrWhiteSpace(configuration["Export:Kaggle:Dataset"]) && !string.IsNullOrWhiteSpace(kaggleUser))
        {
            options.Kaggle.Dataset = $"{kaggleUser.Trim()}/{options.Kaggle.Dataset.Split('/')[^1]}";
        }

        if (options.Validate() is { } problem)
        {
            throw CliException.Configuration(
                SettingFailures.For(problem.Key, configuration[problem.Key], problem.Message).ToString()
            );
        }

        return options;
    }

    private static void Summarise(CliContext context, ExportResult result)
    {
        var rows = result.Tables.Values.Sum();
        context.Output.Line(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Exported {rows:N0} rows of {result.Tables.Count} tables as {string.Join(", ", result.Formats)} in {result.Elapsed.TotalSeconds:F1} s: {result.Directory}"
            )
        );
        context.Output.Line(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Files.Count} files, {Bytes(result.Bytes)}; snapshot of {result.SnapshotAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC; data card: {Path.Join(result.Directory, DataCard.ReadmeFile)}"
            )
        );
        if (result.VoteSpikes > 0)
        {
            context.Output.Line(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{result.VoteSpikes} vote spike(s) found and recorded as quality findings (table vote_spikes)."
                )
            );
        }

        if (result.Removed.Count > 0)
        {
            context.Output.Line($"Removed older exports: {string.Join(", ", result.Removed)}.");
        }
    }

    /// <summary>A size in B, KB, MB or GB.</summary>
    public static string Bytes(long bytes) =>
        bytes switch
        {
            < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
            < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KB"),
            < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MB"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:F2} GB"),
        };
}
