using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PHDB.Cli.Connection;
using PHDB.Cli.Output;
using PHDB.Cli.Rendering;
using PHDB.Export;
using PHDB.Kaggle;
using PHDB.Publishing;
using Spectre.Console;

namespace PHDB.Cli.Commands;

/// <summary>
/// <c>phdb publish</c>: exports (or takes <c>--from</c>) and publishes the export as a Kaggle dataset, creating it or
/// a new version with generated release notes; <c>--dry-run</c> validates and prints the plan, sending nothing.
/// </summary>
internal static class PublishCommand
{
    public static Command Create(CommandFactory factory)
    {
        var dataset = new Option<string>("--dataset")
        {
            Description = "The Kaggle dataset, owner/slug (default Kaggle:Dataset, else the export's metadata id)",
        };
        var from = new Option<string>("--from")
        {
            Description = "Publish this export folder (or an export's name, e.g. latest) instead of exporting first",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Export, write and validate dataset-metadata.json and print what would be sent; send nothing",
        };
        var notes = new Option<string>("--notes")
        {
            Description = "Version notes replacing the generated release notes",
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = "Formats of the export, comma-separated: csv, parquet, sqlite (default Publishing:Formats)",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = r =>
                [
                    .. r.Tokens.SelectMany(t =>
                        t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    ),
                ],
        };
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
        var json = GlobalOptions.Json();
        var command = new Command(
            "publish",
            "Publish an export as a Kaggle dataset: create it, or a new version with generated release notes"
        )
        {
            dataset,
            from,
            dryRun,
            notes,
            format,
            json,
        };
        factory.AddExamples(
            command,
            "phdb publish --dry-run",
            "phdb publish --dataset alice/product-hunt-phdb",
            "phdb publish --from ~/.local/share/phdb/exports/latest --notes \"Fixes the topics table\"",
            "phdb publish --format parquet --json"
        );
        factory.SetAction(
            command,
            async (context, cancellationToken) =>
            {
                var settings = Settings(context);
                var formats = context.Parse.GetValue(format) is { Length: > 0 } chosen
                    ? chosen.Distinct(StringComparer.Ordinal).ToArray()
                    : [.. settings.Publishing.Formats];
                var request = new PublishRequest(
                    context.Parse.GetValue(dataset),
                    // A folder here, else an export's name in the exports directory (e.g. latest).
                    context.Parse.GetValue(from)
                        is { } folder
                        ? Directory.Exists(folder)
                            ? Path.GetFullPath(folder)
                            : folder
                        : null,
                    context.Parse.GetValue(notes),
                    context.Parse.GetValue(dryRun),
                    new ExportRequest(formats, settings.Publishing.Layout)
                );
                var target = context.Locate();
                await using var dataSource = PhdbDatabase.Open(target);
                var runner = new PublicationRunner(
                    dataSource,
                    new ExportRunner(
                        dataSource,
                        ExportFormatRegistry.All,
                        settings.Export,
                        NullLogger<ExportRunner>.Instance
                    ),
                    settings.Export,
                    settings.Kaggle,
                    settings.Publishing,
                    () =>
                        KaggleCredentialLocator.Find(
                            settings.Kaggle,
                            Environment.GetEnvironmentVariable,
                            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)
                        ),
                    NullLoggerFactory.Instance
                );
                var lines = context.Parse.GetValue(json) ? null : new PublicationLines(context.Output);
                try
                {
                    // The plan first: invalid metadata is refused before a byte is sent, and a dry run stops here.
                    var plan = await runner.PlanAsync(request, lines, cancellationToken);
                    if (request.DryRun || !plan.IsValid)
                    {
                        return Report(context, plan, context.Parse.GetValue(json));
                    }

                    var record = await runner.PublishAsync(
                        request with
                        {
                            From = plan.ExportDirectory,
                            Dataset = plan.Dataset,
                            Notes = plan.Notes,
                        },
                        lines,
                        cancellationToken
                    );
                    return Report(context, record, context.Parse.GetValue(json));
                }
                catch (KaggleException e)
                {
                    throw Translate(e);
                }
                catch (PublicationBusyException e)
                {
                    throw new CliException(ExitCodes.TemporaryFailure, e.Message, e);
                }
                catch (ExportFailedException e)
                {
                    throw ExportCommand.Translate(e, target);
                }
            }
        );
        return command;
    }

    /// <summary>The exit code and one line for a failed call to Kaggle.</summary>
    internal static CliException Translate(KaggleException e) =>
        e.Failure switch
        {
            KaggleFailure.MissingCredentials or KaggleFailure.Unauthorized => new CliException(
                ExitCodes.PermissionDenied,
                e.Message,
                e
            ),
            KaggleFailure.InvalidRequest => new CliException(ExitCodes.DataError, e.Message, e),
            KaggleFailure.Unreachable or KaggleFailure.ServerError => CliException.Unavailable(e.Message, e),
            KaggleFailure.Timeout => new CliException(ExitCodes.TemporaryFailure, e.Message, e),
            _ => new CliException(ExitCodes.Failure, e.Message, e),
        };

    private static int Report(CliContext context, PublicationPlan plan, bool json)
    {
        if (json)
        {
            context.Output.Json(PublishReportJson.From(plan));
        }
        else
        {
            var verb = plan.CreatesDataset switch
            {
                true => "create the dataset",
                false => "create a new version of",
                null => "create or version (no credentials to ask Kaggle which)",
            };
            context.Output.Line(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Dry run: would {verb} {plan.Dataset} from {plan.ExportDirectory}"
                )
            );
            var table = context.Output.Table("file", "bytes");
            foreach (var file in plan.Files)
            {
                table.AddRow(Markup.Escape(file.Path), file.Bytes.ToString("N0", CultureInfo.InvariantCulture));
            }

            context.Output.Console.Write(table);
            context.Output.Line(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{plan.Files.Count} files, {ExportCommand.Bytes(plan.Bytes)}. Version notes:"
                )
            );
            foreach (var line in plan.Notes.Split('\n'))
            {
                context.Output.Line("  " + line.TrimEnd('\r'));
            }
        }

        if (plan.IsValid)
        {
            if (!json)
            {
                context.Output.Line("Valid: Kaggle's rules hold for the metadata and every file.");
            }

            return ExitCodes.Ok;
        }

        foreach (var problem in plan.Problems)
        {
            context.Output.Notice($"Refused before upload: {problem}");
        }

        return ExitCodes.DataError;
    }

    private static int Report(CliContext context, PublicationRecord record, bool json)
    {
        if (json)
        {
            context.Output.Json(PublishReportJson.From(record));
        }

        foreach (var warning in record.Warnings)
        {
            context.Output.Notice($"Kaggle did not know the tag '{warning}'; it was not added.");
        }

        if (record.Outcome == PublicationOutcome.Succeeded)
        {
            if (!json)
            {
                context.Output.Line(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Published version {record.Version} of {record.Dataset}: {record.Files} files, {ExportCommand.Bytes(record.Bytes)} in {record.Duration?.TotalSeconds:F1} s. {record.Url}"
                    )
                );
            }

            return ExitCodes.Ok;
        }

        throw new CliException(ExitCodes.Failure, $"Publication failed: {record.Error}");
    }

    private static (ExportOptions Export, KaggleOptions Kaggle, PublishingOptions Publishing) Settings(
        CliContext context
    )
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var kaggle = new KaggleOptions();
        configuration.GetSection(KaggleOptions.Section).Bind(kaggle);
        var publishing = new PublishingOptions();
        configuration.GetSection(PublishingOptions.Section).BindPublishing(publishing);
        if (kaggle.Validate() is { } problem)
        {
            throw CliException.Configuration($"{problem.Key}: {problem.Message}");
        }

        if (publishing.Validate() is { } publishingProblem)
        {
            throw CliException.Configuration($"{publishingProblem.Key}: {publishingProblem.Message}");
        }

        return (ExportCommand.Options(context), kaggle, publishing);
    }
}
