namespace PHDB.Grains.Harvest;

/// <summary>The whole reads an incremental run's checks called for.</summary>
/// <param name="Refresh">Re-read recent posts (counts, and comments of the newest).</param>
/// <param name="Topics">Read all topics.</param>
/// <param name="Collections">Read all collections and their posts.</param>
public sealed record IncrementalFollowUps(bool Refresh, bool Topics, bool Collections)
{
    /// <summary>Whether anything is called for.</summary>
    public bool Any => Refresh || Topics || Collections;
}
