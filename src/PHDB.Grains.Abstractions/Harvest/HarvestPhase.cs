namespace PHDB.Grains.Harvest;

/// <summary>Where the current harvest run stands.</summary>
public enum HarvestPhase
{
    /// <summary>No run is active.</summary>
    Idle,

    /// <summary>Workers are fetching.</summary>
    Running,

    /// <summary>Stopped by an operator; resumes where it stood.</summary>
    Paused,

    /// <summary>Every partition is done (some may be parked).</summary>
    Completed,

    /// <summary>Stopped by an operator for good.</summary>
    Cancelled,
}
