namespace PHDB.Grains.Harvest;

/// <summary>The whole reads an incremental run's checks called for.</summary>
/// <param name="Refresh">Re-read recent posts (counts, and comments of the newest).</param>
/// <param name="Topics">Read all topics.</param>
/// <param name="Collections">Read all collections and their posts.</param>
/// <param name="Sweep">List every post's counts and read again those that moved.</param>
/// <param name="SweepComments">With the sweep, re-read every post's comments (their votes counts).</param>
public sealed record IncrementalFollowUps(
    bool Refresh,
    bool Topics,
    bool Collections,
    bool Sweep = false,
    bool SweepComments = false
)
{
    /// <summary>Whether anything is called for.</summary>
    public bool Any => Refresh || Topics || Collections || Sweep;
}
