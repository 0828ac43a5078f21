namespace PHDB.Grains.Publishing;

/// <summary>
/// When scheduled releases fall due: every <see cref="Interval"/> a release becomes due, and the next incremental
/// run that completes publishes it, so a release never carries a half-read window.
/// </summary>
/// <param name="Interval">Time between releases; zero turns scheduled releases off.</param>
public sealed record PublicationSchedule(TimeSpan Interval)
{
    /// <summary>The shortest interval (Orleans reminders tick at most once a minute).</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    /// <summary>Whether releases are scheduled at all.</summary>
    public bool Enabled => Interval > TimeSpan.Zero;

    /// <summary>The due time of the first release after scheduling was turned on at <paramref name="now"/>.</summary>
    public DateTimeOffset? FirstDue(DateTimeOffset now) => Enabled ? now + Interval : null;

    /// <summary>Whether a release is due at <paramref name="now"/> given the recorded due time.</summary>
    public bool IsDue(DateTimeOffset? nextDue, DateTimeOffset now) => Enabled && nextDue is { } due && now >= due;

    /// <summary>
    /// Whether a completed run of <paramref name="incremental"/> kind publishes now: releases are scheduled, one is
    /// due, and the run was incremental.
    /// </summary>
    public bool PublishesAfterRun(bool incremental, bool due) => Enabled && incremental && due;

    /// <summary>The next due time after a scheduled release started at <paramref name="startedAt"/>.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset startedAt) => Enabled ? startedAt + Interval : null;
}
