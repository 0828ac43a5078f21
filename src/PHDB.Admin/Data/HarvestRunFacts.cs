using System.Globalization;
using PHDB.Storage;

namespace PHDB.Admin.Data;

/// <summary>How the runs page describes a harvest run: its duration and its counts.</summary>
public static class HarvestRunFacts
{
    /// <summary>How long the run took, or has been running until <paramref name="now"/>.</summary>
    public static TimeSpan Duration(HarvestRun run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        var end = run.FinishedAt ?? now;
        return end > run.StartedAt ? end - run.StartedAt : TimeSpan.Zero;
    }

    /// <summary>A duration as hours, minutes and seconds, e.g. <c>1 h 02 min</c>, <c>3 min 05 s</c>, <c>12 s</c>.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalHours >= 1
                ? string.Create(
                    CultureInfo.InvariantCulture,
                    $"{(long)duration.TotalHours} h {duration.Minutes:00} min"
                )
            : duration.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{duration.Minutes} min {duration.Seconds:00} s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds} s");
    }

    /// <summary>The run's counts in name order.</summary>
    public static IReadOnlyList<KeyValuePair<string, long>> OrderedCounts(HarvestRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. run.Counts.OrderBy(c => c.Key, StringComparer.Ordinal)];
    }

    /// <summary>The outcome as the page shows it.</summary>
    public static string Describe(HarvestOutcome outcome) =>
        outcome switch
        {
            HarvestOutcome.Running => "running",
            HarvestOutcome.Succeeded => "succeeded",
            HarvestOutcome.Failed => "failed",
            HarvestOutcome.Cancelled => "cancelled",
            _ => outcome.ToString(),
        };
}
