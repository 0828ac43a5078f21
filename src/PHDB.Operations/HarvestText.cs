using System.Globalization;
using PHDB.Grains.Harvest;
using PHDB.Grains.Harvest.Events;

namespace PHDB.Operations;

/// <summary>How the console words harvest states, durations, counts and events.</summary>
public static class HarvestText
{
    /// <summary>The run's phase and mode, e.g. "Running (full)".</summary>
    public static string Phase(HarvestStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Mode == HarvestMode.None
            ? "No run yet"
            : $"{status.Phase} ({status.Mode.ToString().ToLowerInvariant()})";
    }

    /// <summary>A count with thousands separators, or a dash when unknown.</summary>
    public static string Count(long? count) => count is { } c ? c.ToString("N0", CultureInfo.InvariantCulture) : "–";

    /// <summary>Share of <paramref name="part"/> in <paramref name="whole"/>, in percent.</summary>
    public static double Percent(long part, long whole) => whole <= 0 ? 0 : Math.Clamp(100.0 * part / whole, 0, 100);

    /// <summary>A duration in its two largest units, e.g. "1 h 05 min" or "42 s".</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalDays >= 1 ? $"{(int)duration.TotalDays} d {duration.Hours:00} h"
            : duration.TotalHours >= 1 ? $"{(int)duration.TotalHours} h {duration.Minutes:00} min"
            : duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s"
            : $"{Math.Ceiling(duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s";
    }

    /// <summary>One line about an event.</summary>
    public static string Describe(HarvestEvent harvestEvent) =>
        harvestEvent switch
        {
            PartitionCompleted e => $"Partition {e.Partition} {e.Status.ToString().ToLowerInvariant()} (run {e.RunId})",
            HarvestCompleted e =>
                $"Run {e.RunId} ({e.Mode.ToString().ToLowerInvariant()}) completed: {e.Partitions} partitions",
            HarvestFailed e => $"Run {e.RunId} ({e.Mode.ToString().ToLowerInvariant()}) failed: {e.Reason}",
            RateLimitHit e => $"429 for {e.Application}: budget resets in {Duration(e.ResetIn)}",
            PostsSynced e => $"{e.Pages} pages: {e.Posts} posts, {e.Comments} comments, {e.Votes} votes",
            HarvestStatusChanged e =>
                $"Run {e.Status.RunId} {Phase(e.Status)}: {e.Status.Done}/{e.Status.Partitions} partitions done, {e.Status.Parked} parked, {e.Status.Leased} leased",
            PartitionsChanged e => $"Run {e.RunId}: {e.Partitions.Count} partition(s) moved",
            RateBudgetChanged e =>
                $"Budget of {e.Application}: {Count(e.Status.Remaining)} of {Count(e.Status.Limit)} points left",
            _ => harvestEvent.GetType().Name,
        };
}
