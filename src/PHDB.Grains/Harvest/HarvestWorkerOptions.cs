using System.ComponentModel.DataAnnotations;

namespace PHDB.Grains.Harvest;

/// <summary>How each silo's harvest workers fetch (section <c>Harvest:Worker</c>).</summary>
public sealed class HarvestWorkerOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Harvest:Worker";

    /// <summary>Whether this silo runs workers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Workers per silo, each with one request in flight at a time.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 2;

    /// <summary>The most partitions a worker leases at a time.</summary>
    public const int MaxPartitionsPerLease = 64;

    /// <summary>
    /// Partitions a worker leases at a time (their work is packed into one request); more when the API's complexity
    /// cap lets one request carry more full posts pages than this.
    /// </summary>
    [Range(1, MaxPartitionsPerLease)]
    public int PartitionsPerLease { get; set; } = 4;

    /// <summary>The most tasks taken from one partition for one request.</summary>
    public const int MaxTasksPerPartition = 128;

    /// <summary>
    /// Tasks taken from one partition at a time; more (up to <see cref="MaxTasksPerPartition"/>) while they all fit
    /// in one request under the complexity cap.
    /// </summary>
    [Range(1, MaxTasksPerPartition)]
    public int TasksPerPartition { get; set; } = 8;

    /// <summary>Pause before asking again when there is no work.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause after a request that failed as a whole (network, server, open circuit).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ErrorDelay { get; set; } = TimeSpan.FromSeconds(5);
}
