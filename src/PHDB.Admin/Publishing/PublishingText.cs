using System.Globalization;
using MudBlazor;
using PHDB.Admin.Exports;
using PHDB.Grains.Publishing;
using PHDB.Operations;
using PHDB.Publishing;

namespace PHDB.Admin.Publishing;

/// <summary>How the Publishing page words the publisher's state, its schedule and the publications.</summary>
public static class PublishingText
{
    /// <summary>The origin the console's publications are recorded with.</summary>
    public const string Origin = "console";

    /// <summary>The schedule's period, e.g. <c>every 7 days</c>, <c>every day</c>, <c>every 12 hours</c>.</summary>
    public static string Every(TimeSpan interval)
    {
        if (interval == TimeSpan.FromDays(1))
        {
            return "every day";
        }

        if (interval == TimeSpan.FromHours(1))
        {
            return "every hour";
        }

        if (interval > TimeSpan.Zero && interval.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"every {(long)interval.TotalDays} days");
        }

        if (interval > TimeSpan.Zero && interval.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"every {(long)interval.TotalHours} hours");
        }

        return $"every {HarvestText.Duration(interval)}";
    }

    /// <summary>The outcome as the history shows it: <c>succeeded</c>, <c>failed</c>, <c>dry run</c> or <c>running</c>.</summary>
    public static string Outcome(PublicationOutcome outcome) =>
        outcome switch
        {
            PublicationOutcome.Succeeded => "succeeded",
            PublicationOutcome.Failed => "failed",
            PublicationOutcome.DryRun => "dry run",
            _ => "running",
        };

    /// <summary>The colour of an outcome's chip.</summary>
    public static Color OutcomeColor(PublicationOutcome outcome) =>
        outcome switch
        {
            PublicationOutcome.Succeeded => Color.Success,
            PublicationOutcome.Failed => Color.Error,
            PublicationOutcome.DryRun => Color.Info,
            _ => Color.Primary,
        };

    /// <summary>A stage in lower case, e.g. <c>uploading</c>.</summary>
    public static string Stage(PublicationStage stage) => stage.ToString().ToLowerInvariant();

    /// <summary>The upload bar's percentage: <paramref name="done"/> of <paramref name="total"/>, between 0 and 100.</summary>
    public static double Percent(long done, long total) => HarvestText.Percent(done, total);

    /// <summary>The bytes uploaded, e.g. <c>1.5 MB of 10.0 MB (15 %)</c>; just the bytes while the total is unknown.</summary>
    public static string Upload(long done, long total) =>
        total > 0
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{ExportText.Size(done)} of {ExportText.Size(total)} ({Math.Floor(Percent(done, total)):0} %)"
            )
            : $"{ExportText.Size(done)} uploaded";

    /// <summary>The first line of release notes (what the collapsed notes show).</summary>
    public static string FirstLine(string notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var line = notes.TrimStart().Split(['\r', '\n'], 2)[0].Trim();
        return line.Length > 80 ? string.Concat(line.AsSpan(0, 79), "…") : line;
    }

    /// <summary>
    /// The answer to "publish now" (or "dry run"): whether it started, or why not. <paramref name="before"/> is the
    /// state the page showed when the button was pressed, <paramref name="after"/> the publisher's answer.
    /// </summary>
    public static string Answer(PublicationStatus? before, PublicationStatus after, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(after);
        var what = dryRun ? "Dry run" : "Publication";
        var startedNow =
            after.Running
            && after.DryRun == dryRun
            && string.Equals(after.Origin, Origin, StringComparison.Ordinal)
            && (before is not { Running: true } || before.StartedAt != after.StartedAt);
        if (startedNow)
        {
            var where = after.Silo is { Length: > 0 } silo ? $" on silo {silo}" : "";
            return dryRun
                ? $"{what} started{where}: it exports and validates, and sends nothing to Kaggle."
                : $"{what} started{where}.";
        }

        if (after.Running)
        {
            var running = after.DryRun ? "a dry run" : "a publication";
            var by = after.Origin is { Length: > 0 } origin ? $" started by {origin}" : "";
            return $"{what} not started: {running}{by} is running; one runs at a time.";
        }

        return after.LastError is { Length: > 0 } error
            ? $"{what} is not running now; the publisher's last error: {error}"
            : $"{what} is not running now: it finished at once or did not start; the history shows its outcome.";
    }
}
