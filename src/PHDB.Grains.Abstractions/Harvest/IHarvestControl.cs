namespace PHDB.Grains.Harvest;

/// <summary>
/// The coordinator as the console, the command line and the silo's control endpoints see it: start, pause, resume or
/// cancel a run, read its status and partitions, and set the incremental schedule.
/// </summary>
[Alias("phdb.IHarvestControl")]
public interface IHarvestControl : IGrainWithStringKey
{
    /// <summary>Starts a full harvest (unless a run is active).</summary>
    [Alias("StartFull")]
    Task<HarvestStatus> StartFull();

    /// <summary>Starts an incremental harvest (unless a run is active).</summary>
    [Alias("StartIncremental")]
    Task<HarvestStatus> StartIncremental();

    /// <summary>Stops handing out work; leased pages finish.</summary>
    [Alias("PauseRun")]
    Task<HarvestStatus> PauseRun();

    /// <summary>Continues a paused run; parked partitions get another chance.</summary>
    [Alias("ResumeRun")]
    Task<HarvestStatus> ResumeRun();

    /// <summary>Ends the current run for good.</summary>
    [Alias("CancelRun")]
    Task<HarvestStatus> CancelRun();

    /// <summary>The current (or last) run.</summary>
    [Alias("GetStatus")]
    Task<HarvestStatus> GetStatus();

    /// <summary>The partitions of the current run with their progress.</summary>
    [Alias("GetPartitions")]
    Task<IReadOnlyList<PartitionProgress>> GetPartitions();

    /// <summary>The incremental schedule in force.</summary>
    [Alias("GetSchedule")]
    Task<HarvestSchedule> GetSchedule();

    /// <summary>Changes the incremental schedule; it takes effect at once and survives restarts.</summary>
    /// <exception cref="ArgumentException">The schedule is out of range (see <see cref="HarvestSchedule.Problem"/>).</exception>
    [Alias("SetSchedule")]
    Task<HarvestSchedule> SetSchedule(HarvestSchedule schedule);
}
