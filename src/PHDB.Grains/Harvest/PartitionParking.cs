namespace PHDB.Grains.Harvest;

/// <summary>How one partition of the current run was parked and retried.</summary>
[GenerateSerializer, Alias("phdb.PartitionParking")]
public sealed class PartitionParking
{
    /// <summary>Times the partition was parked in the run.</summary>
    [Id(0)]
    public int Parks { get; set; }

    /// <summary>Times it was retried by itself after a park.</summary>
    [Id(1)]
    public int Retries { get; set; }

    /// <summary>Why it was parked last (its last failure).</summary>
    [Id(2)]
    public string? Reason { get; set; }

    /// <summary>When it was parked last.</summary>
    [Id(3)]
    public DateTimeOffset? ParkedAt { get; set; }

    /// <summary>When it is retried next; null when it is not parked or its retries are spent.</summary>
    [Id(4)]
    public DateTimeOffset? RetryAt { get; set; }
}
