namespace PHDB.Grains.Harvest;

/// <summary>The coordinator as the harvest workers see it: partitions leased for one request, and given back.</summary>
[Alias("phdb.IPartitionLeasing")]
public interface IPartitionLeasing : IGrainWithStringKey
{
    /// <summary>Leases up to <paramref name="max"/> partitions with work to <paramref name="worker"/>.</summary>
    [Alias("LeasePartitions")]
    Task<IReadOnlyList<string>> LeasePartitions(string worker, int max);

    /// <summary>Returns leased partitions with their progress (unchanged ones may be omitted).</summary>
    [Alias("ReturnLeases")]
    Task ReturnLeases(string worker, IReadOnlyList<string> partitions, IReadOnlyList<PartitionProgress> progress);
}
