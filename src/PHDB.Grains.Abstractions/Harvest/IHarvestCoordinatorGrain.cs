namespace PHDB.Grains.Harvest;

/// <summary>
/// The coordinator of one harvest configuration (key <see cref="Key"/>): plans runs into crawl partitions, leases
/// partitions to workers, tracks completion and keeps the incremental schedule. Its state survives deactivation
/// and silo loss; leases that a dead worker held expire and their partitions are handed out again.
/// </summary>
[Alias("phdb.IHarvestCoordinatorGrain")]
public interface IHarvestCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>The key of the coordinator every host talks to.</summary>
    const string Key = "default";

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

    /// <summary>Leases up to <paramref name="max"/> partitions with work to <paramref name="worker"/>.</summary>
    [Alias("LeasePartitions")]
    Task<IReadOnlyList<string>> LeasePartitions(string worker, int max);

    /// <summary>Returns leased partitions with their progress (unchanged ones may be omitted).</summary>
    [Alias("ReturnLeases")]
    Task ReturnLeases(string worker, IReadOnlyList<string> partitions, IReadOnlyList<PartitionProgress> progress);
}
