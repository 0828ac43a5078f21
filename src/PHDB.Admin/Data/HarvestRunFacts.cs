using PHDB.Storage;

namespace PHDB.Admin.Data;

/// <summary>How the runs page describes a harvest run: how long it took and its counts.</summary>
public static class HarvestRunFacts
{
    /// <summary>How long the run took, or has been running until <paramref name="now"/>.</summary>
    public static TimeSpan Duration(HarvestRun run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        var end = run.FinishedAt ?? now;
        return end > run.StartedAt ? end - run.StartedAt : TimeSpan.Zero;
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
