namespace PHDB.Grains.Harvest;

/// <summary>A crawl partition's state, for the coordinator, the console and tests.</summary>
[GenerateSerializer, Immutable, Alias("phdb.PartitionProgress")]
public sealed record PartitionProgress(
    [property: Id(0)] string Key,
    [property: Id(1)] PartitionStatus Status,
    [property: Id(2)] string? Cursor,
    [property: Id(3)] long Pages,
    [property: Id(4)] long Nodes,
    [property: Id(5)] int PendingSubjects,
    [property: Id(6)] int ConsecutiveFailures,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset? UpdatedAt
);
