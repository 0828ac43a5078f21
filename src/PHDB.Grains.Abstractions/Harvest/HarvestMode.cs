namespace PHDB.Grains.Harvest;

/// <summary>What a harvest run covers.</summary>
public enum HarvestMode
{
    /// <summary>No run yet.</summary>
    None,

    /// <summary>Every post since the epoch, every topic and collection, and all their nested connections.</summary>
    Full,

    /// <summary>New posts since the last run (minus a look-back) and a refresh of recent posts.</summary>
    Incremental,
}
