namespace PHDB.Grains.Harvest;

/// <summary>Where a crawl partition stands.</summary>
public enum PartitionStatus
{
    /// <summary>Planned, nothing fetched yet.</summary>
    Pending,

    /// <summary>Pages fetched, more to fetch (its own or its posts').</summary>
    Running,

    /// <summary>Every page of it and of its nested connections is committed.</summary>
    Done,

    /// <summary>Failed too often in a row; its last error is kept and it is not retried until resumed.</summary>
    Parked,
}
