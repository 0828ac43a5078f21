using PHDB.Publishing;

namespace PHDB.Cli.Output;

/// <summary>What <c>phdb publish --json</c> prints: the plan of a dry run, or the publication's record.</summary>
internal static class PublishReportJson
{
    public static object From(PublicationPlan plan) =>
        new
        {
            dryRun = true,
            valid = plan.IsValid,
            dataset = plan.Dataset,
            createsDataset = plan.CreatesDataset,
            exportDirectory = plan.ExportDirectory,
            files = plan.Files.Select(f => new { path = f.Path, bytes = f.Bytes }),
            bytes = plan.Bytes,
            notes = plan.Notes,
            problems = plan.Problems.Select(p => new { field = p.Field, message = p.Message }),
        };

    public static object From(PublicationRecord record) =>
        new
        {
            dryRun = false,
            id = record.Id,
            dataset = record.Dataset,
            outcome = record.Outcome.ToString().ToLowerInvariant(),
            version = record.Version,
            @ref = record.Ref,
            url = record.Url,
            files = record.Files,
            bytes = record.Bytes,
            seconds = record.Duration?.TotalSeconds,
            notes = record.Notes,
            warnings = record.Warnings,
            error = record.Error,
        };
}
