namespace PHDB.Grains.Harvest;

/// <summary>
/// One partition of a harvest (a posts window, the topics, the collections), keyed by its partition key. Owns the
/// cursor of its connection and the list of its posts and collections that still have nested connections to walk;
/// advances a cursor only after the page's rows are committed.
/// </summary>
[Alias("phdb.ICrawlPartitionGrain")]
public interface ICrawlPartitionGrain : IGrainWithStringKey
{
    /// <summary>Sets the partition's root task when it has none yet (planning is idempotent).</summary>
    [Alias("Plan")]
    Task Plan(CrawlTask root);

    /// <summary>Up to <paramref name="max"/> tasks ready to fetch: its own next page first, then nested ones.</summary>
    [Alias("TakeWork")]
    Task<IReadOnlyList<WorkTicket>> TakeWork(int max);

    /// <summary>Takes in the outcomes of tasks it handed out; returns its progress afterwards.</summary>
    [Alias("Complete")]
    Task<PartitionProgress> Complete(IReadOnlyList<TaskOutcome> outcomes);

    /// <summary>Makes a parked partition eligible again (its failures forgotten).</summary>
    [Alias("Unpark")]
    Task<PartitionProgress> Unpark();

    /// <summary>The partition's progress.</summary>
    [Alias("GetProgress")]
    Task<PartitionProgress> GetProgress();
}
