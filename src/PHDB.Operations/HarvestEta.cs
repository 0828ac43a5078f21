using PHDB.Grains.Harvest;

namespace PHDB.Operations;

/// <summary>
/// Estimates when the current run ends at the rate budgets' pace: the pages left (partitions still open, each
/// expected to need as many pages as the done ones of its kind needed on average) over the pages a request carries, over the
/// requests per second the budgets allow.
/// </summary>
public static class HarvestEta
{
    /// <summary>Time left, or <see langword="null"/> when it cannot be estimated yet (no partition done, no budget known).</summary>
    public static TimeSpan? Estimate(HarvestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Status is not { Phase: HarvestPhase.Running or HarvestPhase.Paused })
        {
            return null;
        }

        var open = view.Partitions.Values.Where(p => p.Status is PartitionStatus.Pending or PartitionStatus.Running);
        var done = view.Partitions.Values.Where(p => p.Status == PartitionStatus.Done).ToList();
        if (done.Count == 0)
        {
            return null;
        }

        // Partitions of one kind (posts windows, topics, collections) are alike; kinds are not.
        var overall = done.Average(p => (double)p.Pages);
        var byKind = done.GroupBy(p => Kind(p.Key)).ToDictionary(g => g.Key, g => g.Average(p => (double)p.Pages));
        var pagesLeft = open.Sum(p => Math.Max(byKind.GetValueOrDefault(Kind(p.Key), overall) - p.Pages, 1));
        if (pagesLeft <= 0)
        {
            return TimeSpan.Zero;
        }

        var requestsPerSecond = view
            .Budgets.Values.Where(b => b.CostPerRequest > 0 && b.WindowLength > TimeSpan.Zero)
            .Sum(b => (double)b.Limit / b.CostPerRequest / b.WindowLength.TotalSeconds);
        if (requestsPerSecond <= 0)
        {
            return null;
        }

        var pagesPerRequest = Math.Max(view.ItemsPerRequest ?? 1, 1);
        return TimeSpan.FromSeconds(pagesLeft / pagesPerRequest / requestsPerSecond);
    }

    /// <summary>
    /// The kind of a partition: its key's segment after the run, e.g. <c>posts</c> in <c>run3/posts/…</c>; the
    /// one-page checks of an incremental run (<c>run3/topics/newest</c>) are a kind of their own.
    /// </summary>
    private static string Kind(string key)
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
