using System.ComponentModel.DataAnnotations;

namespace PHDB.Operations;

/// <summary>How the console follows the harvest (section <c>Admin:Feed</c>).</summary>
public sealed class HarvestFeedOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Admin:Feed";

    /// <summary>
    /// How often the subscription to the harvest event stream is renewed and the state re-read from the grains, so
    /// that a console left open survives a lost subscription or a missed event.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Renewal { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shortest time between two updates pushed to open pages.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The shortest time between two reads of the stored totals while batches arrive.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan TotalsInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many recent events the console keeps.</summary>
    [Range(1, 1000)]
    public int RecentEvents { get; set; } = 40;

    /// <summary>How many recent batches the items-per-request average covers.</summary>
    [Range(1, 10000)]
    public int RecentBatches { get; set; } = 200;

    /// <summary>
    /// How long a rate budget may go unused before the console shows it as idle (folded away) and the ETA ignores it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan IdleBudgetAfter { get; set; } = BudgetActivity.DefaultIdleAfter;

    /// <summary>Over how long a span the ETA measures the pace the run achieves (pages committed per second).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan PaceSpan { get; set; } = TimeSpan.FromMinutes(5);
}
