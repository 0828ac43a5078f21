namespace PHDB.Grains.Harvest;

/// <summary>When incremental runs start and how far back they look, as the operator set them.</summary>
/// <param name="IncrementalInterval">Time between incremental runs; zero turns the schedule off.</param>
/// <param name="LookBack">How far before the high-water mark an incremental run looks for new posts.</param>
[GenerateSerializer, Immutable, Alias("phdb.HarvestSchedule")]
public sealed record HarvestSchedule(
    [property: Id(0)] TimeSpan IncrementalInterval,
    [property: Id(1)] TimeSpan LookBack
)
{
    /// <summary>The shortest interval between scheduled runs (Orleans reminders tick at most once a minute).</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    /// <summary>The longest interval between scheduled runs.</summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromDays(7);

    /// <summary>The longest look-back.</summary>
    public static readonly TimeSpan MaximumLookBack = TimeSpan.FromDays(30);

    /// <summary>Why this schedule cannot be used, or <see langword="null"/> when it can.</summary>
    public string? Problem() =>
        IncrementalInterval != TimeSpan.Zero
        && (IncrementalInterval < MinimumInterval || IncrementalInterval > MaximumInterval)
            ? $"The interval must be 0 (off) or between {MinimumInterval:g} and {MaximumInterval.TotalDays:0} days."
        : LookBack < TimeSpan.Zero || LookBack > MaximumLookBack
            ? $"The look-back must be between 0 and {MaximumLookBack.TotalDays:0} days."
        : null;
}
