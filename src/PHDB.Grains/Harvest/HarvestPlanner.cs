using System.Globalization;

namespace PHDB.Grains.Harvest;

/// <summary>Cuts a run into crawl partitions, each keyed <c>run{id}/…</c> so that runs never share a cursor.</summary>
public static class HarvestPlanner
{
    /// <summary>
    /// A full harvest: consecutive, non-overlapping posts windows from <see cref="HarvestOptions.Epoch"/> to
    /// <paramref name="now"/> (the API's bounds are inclusive, so each window ends a second before the next starts),
    /// plus the topics and the collections.
    /// </summary>
    public static IReadOnlyList<(string Key, CrawlTask Root)> Full(
        long runId,
        HarvestOptions options,
        DateTimeOffset now
    )
    {
        var plan = new List<(string, CrawlTask)>
        {
            (Key(runId, "topics"), new CrawlTask(CrawlTaskKind.Topics)),
            (Key(runId, "collections"), new CrawlTask(CrawlTaskKind.Collections)),
        };
        plan.AddRange(Windows(runId, options.Epoch, now, options.Window));
        return plan;
    }

    /// <summary>
    /// An incremental harvest: one posts window from the last completed run's start minus the look-back (or the
    /// refresh period, whichever reaches further back) to <paramref name="now"/>. Re-reading recent posts refreshes
    /// their counts; a post whose counts changed walks its comments and votes again.
    /// </summary>
    public static IReadOnlyList<(string Key, CrawlTask Root)> Incremental(
        long runId,
        HarvestOptions options,
        DateTimeOffset? lastCompletedStart,
        DateTimeOffset now
    )
    {
        var fromNew = (lastCompletedStart ?? options.Epoch) - options.LookBack;
        var fromRefresh = now - options.RefreshRecent;
        var from = fromNew < fromRefresh ? fromNew : fromRefresh;
        return [.. Windows(runId, from, now, now - from + TimeSpan.FromSeconds(1))];
    }

    private static IEnumerable<(string, CrawlTask)> Windows(
        long runId,
        DateTimeOffset from,
        DateTimeOffset to,
        TimeSpan length
    )
    {
        for (var start = Truncate(from); start <= to; start += length)
        {
            var end = start + length - TimeSpan.FromSeconds(1);
            if (end > to)
            {
                end = to;
            }

            yield return (
                Key(
                    runId,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"posts/{start:yyyy-MM-ddTHH:mm:ssZ}..{end:yyyy-MM-ddTHH:mm:ssZ}"
                    )
                ),
                new CrawlTask(CrawlTaskKind.PostsWindow, From: start, To: end)
            );
        }
    }

    private static string Key(long runId, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"run{runId}/{name}");

    private static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return new(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, TimeSpan.Zero);
    }
}
