using System.Globalization;

namespace PHDB.Grains.Harvest;

/// <summary>Cuts a run into crawl partitions, each keyed <c>run{id}/…</c> so that runs never share a cursor.</summary>
public static class HarvestPlanner
{
    /// <summary>
    /// A full harvest: consecutive, non-overlapping posts windows from <see cref="HarvestOptions.Epoch"/> to
    /// <paramref name="now"/> (the API's bounds are inclusive, so each window ends a second before the next starts),
    /// plus the topics and the collections. The last window has no upper bound: the API's clock need not agree with
    /// the silo's, and a post launched after the silo's <paramref name="now"/> must not fall outside every window.
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
        if (plan[^1].Item2.Kind == CrawlTaskKind.PostsWindow)
        {
            plan[^1] = OpenEnded(runId, plan[^1].Item2);
        }
        else
        {
            plan.Add(OpenEnded(runId, new CrawlTask(CrawlTaskKind.PostsWindow, From: Truncate(options.Epoch))));
        }
        return plan;
    }

    /// <summary>
    /// An incremental harvest: one posts window without an upper bound, from <paramref name="highWaterMark"/> (the
    /// newest post stored, else the last completed run's start) minus the look-back or the refresh period, whichever
    /// reaches further back, plus the topics and the collections (new posts change their counts and links).
    /// Re-reading recent posts refreshes their counts; a post whose counts changed walks its comments and votes
    /// again, and a post launched within <see cref="HarvestOptions.RefreshComments"/> re-reads its comments.
    /// </summary>
    /// <remarks>
    /// The window is anchored on what the API showed, not on the silo's clock: the API's "now" (the simulator's,
    /// or a live API seen through a skewed clock) may be behind or ahead of <see cref="TimeProvider"/>, and a window
    /// cut at the silo's clock would then miss every new post and every refresh.
    /// </remarks>
    public static IReadOnlyList<(string Key, CrawlTask Root)> Incremental(
        long runId,
        HarvestOptions options,
        DateTimeOffset? highWaterMark
    )
    {
        var anchor = highWaterMark ?? options.Epoch;
        var reach = options.LookBack > options.RefreshRecent ? options.LookBack : options.RefreshRecent;
        var window = new CrawlTask(
            CrawlTaskKind.PostsWindow,
            From: Truncate(anchor - reach),
            RefreshCommentsFrom: options.RefreshComments > TimeSpan.Zero ? anchor - options.RefreshComments : null
        );
        return
        [
            (Key(runId, "topics"), new CrawlTask(CrawlTaskKind.Topics)),
            (Key(runId, "collections"), new CrawlTask(CrawlTaskKind.Collections)),
            OpenEnded(runId, window),
        ];
    }

    private static (string, CrawlTask) OpenEnded(long runId, CrawlTask window) =>
        (
            Key(runId, string.Create(CultureInfo.InvariantCulture, $"posts/{window.From:yyyy-MM-ddTHH:mm:ssZ}..")),
            window with
            {
                To = null,
            }
        );

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
