using PHDB.Grains.Harvest;

namespace PHDB.Operations;

/// <summary>
/// The work a run still has to do, in complexity points (what a request's budget and the complexity cap are spent on),
/// estimated from its partitions: each open partition is expected to need as much as the partitions of its kind
/// (posts windows, topics, collections) need, and at least a page of its own connection if unread and what its posts,
/// collections and users with work left still need.
/// </summary>
/// <remarks>
/// What a partition of a kind needs is learned from the done ones and from the open ones that already got further:
/// the first partitions to end are the small ones (early, quiet posts windows end before busy ones), so an
/// average of the done ones alone would take the rest for as small, most of all in a resumed run.
/// </remarks>
public static class HarvestWorkLeft
{
    /// <summary>Points left, or <see langword="null"/> before any partition of the run has fetched a page.</summary>
    /// <param name="partitions">The run's partitions.</param>
    /// <param name="pointsPerSubject">
    /// The points a subject with work left and no estimate of its own takes (its comments, replies and votes): what
    /// the subjects seen to finish took, else 1.
    /// </param>
    public static double? Points(IReadOnlyCollection<PartitionProgress> partitions, double pointsPerSubject = 1)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var open = partitions.Where(p => p.Status is PartitionStatus.Pending or PartitionStatus.Running).ToList();
        if (open.Count == 0)
        {
            return 0;
        }

        var started = partitions.Where(p => p.Pages > 0).ToList();
        if (started.Count == 0)
        {
            return null;
        }

        var overall = Expected(started);
        var byKind = started.GroupBy(p => Kind(p.Key)).ToDictionary(g => g.Key, g => Expected([.. g]));
        var perSubject = Math.Max(pointsPerSubject, 1);
        return open.Sum(p => Math.Max(byKind.GetValueOrDefault(Kind(p.Key), overall) - p.Points, Floor(p, perSubject)));
    }

    /// <summary>
    /// The points a partition of a kind needs: the mean of the done ones, where a partition still open counts with the
    /// points it spent so far when that is more (it needs at least those).
    /// </summary>
    private static double Expected(IReadOnlyList<PartitionProgress> started)
    {
        var done = started.Where(p => p.Status == PartitionStatus.Done).ToList();
        var doneMean = done.Count > 0 ? done.Average(p => (double)p.Points) : 0;
        var lowerBounds = started.Select(p =>
            p.Status == PartitionStatus.Done ? p.Points : Math.Max(p.Points, doneMean)
        );
        return lowerBounds.Average();
    }

    /// <summary>
    /// The most pages of a run that must be read one after the other: the longest connection any subject of an open
    /// partition has left (each page needs the cursor of the one before).
    /// </summary>
    public static long LongestChain(IReadOnlyCollection<PartitionProgress> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return partitions
            .Where(p => p.Status is PartitionStatus.Pending or PartitionStatus.Running)
            .Select(p => (long)p.LongestChain)
            .DefaultIfEmpty(0)
            .Max();
    }

    /// <summary>
    /// The points an open partition needs at least: its own connection's next page, and those of its subjects with
    /// work left: as their counts announce them, else as much each as a subject was seen to take.
    /// </summary>
    private static double Floor(PartitionProgress partition, double pointsPerSubject) =>
        (partition.RootExhausted ? 0 : Math.Max(partition.RootPagePoints, 1))
        + (partition.PendingPoints > 0 ? partition.PendingPoints : partition.PendingSubjects * pointsPerSubject);

    /// <summary>
    /// The kind of a partition: its key's segment after the run, e.g. <c>posts</c> in <c>run3/posts/…</c>; the
    /// one-page checks of an incremental run (<c>run3/topics/newest</c>) are a kind of their own.
    /// </summary>
    internal static string Kind(string key)
    {
        var parts = key.Split('/', 3);
        return parts.Length switch
        {
            1 => key,
            3 when parts[2] == "newest" => $"{parts[1]}/newest",
            _ => parts[1],
        };
    }
}
