using PHDB.Grains.Harvest;

namespace PHDB.Harvest.Benchmarks;

/// <summary>A run's partitions of one kind (the sweep's windows, the refresh, a check…), summed.</summary>
/// <param name="Kind">What the partitions read, with their keys' prefix.</param>
/// <param name="Partitions">How many.</param>
/// <param name="Pages">Pages committed, their own connection's and nested ones.</param>
/// <param name="Rows">Rows those pages held.</param>
/// <param name="Points">The complexity of those pages, as the client estimates each.</param>
internal sealed record PartitionGroup(string Kind, int Partitions, long Pages, long Rows, long Points)
{
    /// <summary>The partitions of run <paramref name="runId"/> grouped by kind, the costliest first.</summary>
    public static IReadOnlyList<PartitionGroup> Of(long runId, IEnumerable<PartitionProgress> partitions) =>
        [
            .. partitions
                .GroupBy(p => KindOf(runId, p.Key), StringComparer.Ordinal)
                .Select(g => new PartitionGroup(
                    g.Key,
                    g.Count(),
                    g.Sum(p => p.Pages),
                    g.Sum(p => p.Nodes),
                    g.Sum(p => p.Points)
                ))
                .OrderByDescending(g => g.Points),
        ];

    private static string KindOf(long runId, string key) =>
        HarvestPlanner.IsCommentsSweep(runId, key)
            ? "sweep: every post listed leanly and its comments re-read (sweep-comments/)"
        : HarvestPlanner.IsSweep(runId, key) ? "sweep: every post listed leanly (sweep/)"
        : HarvestPlanner.IsRefresh(runId, key) ? "refresh of recent posts (refresh/)"
        : HarvestPlanner.IsPostsWindow(runId, key) ? "check for new posts (posts/)"
        : string.Equals(key, HarvestPlanner.NewestTopicsKey(runId), StringComparison.Ordinal)
            ? "check of the newest topics"
        : string.Equals(key, HarvestPlanner.NewestCollectionsKey(runId), StringComparison.Ordinal)
            ? "check of the newest collections"
        : string.Equals(key, HarvestPlanner.TopicsKey(runId), StringComparison.Ordinal) ? "topics"
        : string.Equals(key, HarvestPlanner.CollectionsKey(runId), StringComparison.Ordinal) ? "collections"
        : key;
}
