namespace PHDB.Grains.Harvest;

/// <summary>The persistent state of the harvest coordinator.</summary>
[GenerateSerializer, Alias("phdb.HarvestCoordinatorState")]
public sealed class HarvestCoordinatorState
{
    /// <summary>The current (or last) run's mode.</summary>
    [Id(0)]
    public HarvestMode Mode { get; set; }

    /// <summary>The current (or last) run's phase.</summary>
    [Id(1)]
    public HarvestPhase Phase { get; set; }

    /// <summary>The run's id in the bookkeeping.</summary>
    [Id(2)]
    public long RunId { get; set; }

    /// <summary>When the run started.</summary>
    [Id(3)]
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the run ended.</summary>
    [Id(4)]
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Start of the last run that completed.</summary>
    [Id(5)]
    public DateTimeOffset? LastCompletedStart { get; set; }

    /// <summary>The run's partitions and their last known status.</summary>
    [Id(6)]
    public Dictionary<string, PartitionStatus> Partitions { get; set; } = [];

    /// <summary>Whether a full harvest has ever completed (incremental runs start after that).</summary>
    [Id(7)]
    public bool FullHarvestCompleted { get; set; }

    /// <summary>The newest post <c>createdAt</c> that completed runs stored (see <see cref="HarvestStatus.HighWaterMark"/>).</summary>
    [Id(8)]
    public DateTimeOffset? HighWaterMark { get; set; }

    /// <summary>The operator's incremental interval, replacing the configured one when set.</summary>
    [Id(9)]
    public TimeSpan? IncrementalInterval { get; set; }

    /// <summary>The operator's look-back, replacing the configured one when set.</summary>
    [Id(10)]
    public TimeSpan? LookBack { get; set; }

    /// <summary>Whether the current incremental run already decided what its checks called for.</summary>
    [Id(11)]
    public bool FollowUpsDecided { get; set; }

    /// <summary>When the current run planned its whole reads (its start for a full run, else after its checks).</summary>
    [Id(12)]
    public DateTimeOffset? FollowUpsPlannedAt { get; set; }

    /// <summary>When the last completed refresh of recent posts (or full harvest) was planned.</summary>
    [Id(13)]
    public DateTimeOffset? RefreshedAt { get; set; }

    /// <summary>When the last completed whole read of the topics was planned.</summary>
    [Id(14)]
    public DateTimeOffset? TopicsReadAt { get; set; }

    /// <summary>When the last completed whole read of the collections was planned.</summary>
    [Id(15)]
    public DateTimeOffset? CollectionsReadAt { get; set; }

    /// <summary>The newest topic <c>createdAt</c> that completed runs stored.</summary>
    [Id(16)]
    public DateTimeOffset? NewestTopic { get; set; }

    /// <summary>The newest collection <c>createdAt</c> that completed runs stored.</summary>
    [Id(17)]
    public DateTimeOffset? NewestCollection { get; set; }

    /// <summary>The current run's partitions that were parked, with their reasons and automatic retries.</summary>
    [Id(18)]
    public Dictionary<string, PartitionParking> Parkings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the last completed sweep of all posts' counts (or full harvest) was planned.</summary>
    [Id(19)]
    public DateTimeOffset? SweptAt { get; set; }

    /// <summary>When the last completed sweep that re-read all comments (or full harvest) was planned.</summary>
    [Id(20)]
    public DateTimeOffset? CommentsSweptAt { get; set; }
}
