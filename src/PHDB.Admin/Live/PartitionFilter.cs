using PHDB.Grains.Harvest;

namespace PHDB.Admin.Live;

/// <summary>The Harvest page's partition filter: by status and by a part of the key.</summary>
public static class PartitionFilter
{
    /// <summary>
    /// Partitions of <paramref name="status"/> (any when empty) whose key contains <paramref name="keyPart"/>
    /// (case-insensitive), the failing ones first, then by key.
    /// </summary>
    public static IReadOnlyList<PartitionProgress> Apply(
        IEnumerable<PartitionProgress> partitions,
        string? status,
        string? keyPart
    )
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var wanted = Enum.TryParse<PartitionStatus>(status, out var parsed) ? parsed : (PartitionStatus?)null;
        return
        [
            .. partitions
                .Where(p => wanted is null || p.Status == wanted)
                .Where(p =>
                    string.IsNullOrWhiteSpace(keyPart)
                    || p.Key.Contains(keyPart.Trim(), StringComparison.OrdinalIgnoreCase)
                )
                .OrderByDescending(p => p.Status == PartitionStatus.Parked)
                .ThenByDescending(p => p.ConsecutiveFailures)
                .ThenBy(p => p.Key, StringComparer.Ordinal),
        ];
    }
}
