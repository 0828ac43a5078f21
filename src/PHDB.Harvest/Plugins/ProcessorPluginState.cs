namespace PHDB.Harvest.Plugins;

/// <summary>Whether a plugin processor runs.</summary>
public enum ProcessorPluginState
{
    /// <summary>It processes every batch.</summary>
    Active,

    /// <summary>It failed too many times in a row and is skipped until the silo restarts.</summary>
    SwitchedOff,

    /// <summary>It could not be loaded.</summary>
    NotLoaded,
}
