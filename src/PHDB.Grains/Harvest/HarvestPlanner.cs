using System.Globalization;

namespace PHDB.Grains.Harvest;

/// <summary>Cuts a run into crawl partitions, each keyed <c>run{id}/…</c> so that runs never share a cursor.</summary>
public static class HarvestPlanner
{
    private const string SweepName = "sweep";
    private const string SweepCommentsName = "sweep-comments";

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
            (TopicsKey(runId), new CrawlTask(CrawlTaskKind.Topics)),
            (CollectionsKey(runId), new CrawlTask(CrawlTaskKind.Collections)),
        };
        plan.AddRange(Windows(runId, options.Epoch, now, options.Window, "posts"));
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
    /// The checks an incremental run starts with: one posts window without an upper bound from
    /// <paramref name="highWaterMark"/> (the newest post stored, else the last completed run's start) minus the
    /// look-back, which reads every new post; and the newest page of topics and of collections. In a quiet API each
    /// check is one page. What they found decides the rest of the run (<see cref="FollowUpsNeeded"/>).
    /// </summary>
    /// <remarks>
    /// The window is anchored on what the API showed, not on the silo's clock: the API's "now" (the simulator's,
    /// or a live API seen through a skewed clock) may be behind or ahead of <see cref="TimeProvider"/>, and a window
    /// cut at the silo's clock would then miss every new post and every refresh.
    /// </remarks>
    public static IReadOnlyList<(string Key, CrawlTask Root)> IncrementalChecks(
        long runId,
        HarvestOptions options,
        DateTimeOffset? highWaterMark
    )
    {
        var anchor = highWaterMark ?? options.Epoch;
        return
        [
            OpenEnded(
                runId,
                "posts",
                new CrawlTask(CrawlTaskKind.PostsWindow, From: Truncate(anchor - options.LookBack))
            ),
            (NewestTopicsKey(runId), new CrawlTask(CrawlTaskKind.Topics, NewestPageOnly: true)),
            (NewestCollectionsKey(runId), new CrawlTask(CrawlTaskKind.Collections, NewestPageOnly: true)),
        ];
    }

    /// <summary>
    /// What an incremental run's checks call for. New posts change counts all over (recent posts', topics' post
    /// counts, collections' posts), so they call for everything; a topic or collection newer than any stored calls
    /// for its catalogue; and each whole read falls due by itself once its interval has passed since the last.
    /// </summary>
    public static IncrementalFollowUps FollowUpsNeeded(
        HarvestOptions options,
        HarvestMarks marks,
        IncrementalCheckResult check,
        DateTimeOffset now
    )
    {
        var newPosts = check.NewestPost is { } post && !(marks.HighWaterMark >= post);
        var sweepComments = Due(marks.CommentsSweptAt, options.SweepCommentsInterval, now);
        return new IncrementalFollowUps(
            Refresh: newPosts || Due(marks.RefreshedAt, options.RefreshInterval, now),
            Topics: newPosts
                || Newer(check.NewestTopic, marks.NewestTopic)
                || Due(marks.TopicsReadAt, options.CatalogueInterval, now),
            Collections: newPosts
                || Newer(check.NewestCollection, marks.NewestCollection)
                || Due(marks.CollectionsReadAt, options.CatalogueInterval, now),
            Sweep: sweepComments || Due(marks.SweptAt, options.SweepInterval, now),
            SweepComments: sweepComments
        );
    }

    /// <summary>
    /// The whole reads <paramref name="followUps"/> calls for. The refresh is one posts window without an upper bound
    /// from the high-water mark the run started from (the newest post stored by the last refresh or after it) minus
    /// the refresh period or the look-back, whichever reaches further back, so that a post which left the refresh
    /// period since the last refresh is read once more: re-reading recent posts refreshes their counts; a post whose counts changed walks its comments
    /// and votes again, and a post launched within <see cref="HarvestOptions.RefreshComments"/> re-reads its comments.
    /// </summary>
    public static IReadOnlyList<(string Key, CrawlTask Root)> FollowUps(
        long runId,
        HarvestOptions options,
        DateTimeOffset? highWaterMark,
        IncrementalFollowUps followUps
    )
    {
        ArgumentNullException.ThrowIfNull(followUps);
        var plan = new List<(string, CrawlTask)>();
        if (followUps.Refresh)
        {
            var anchor = highWaterMark ?? options.Epoch;
            var reach = options.LookBack > options.RefreshRecent ? options.LookBack : options.RefreshRecent;
            plan.Add(
                OpenEnded(
                    runId,
                    "refresh",
                    new CrawlTask(
                        CrawlTaskKind.PostsWindow,
                        From: Truncate(anchor - reach),
                        RefreshCommentsFrom: options.RefreshComments > TimeSpan.Zero
                            ? anchor - options.RefreshComments
                            : null
                    )
                )
            );
        }

        if (followUps.Sweep)
        {
            plan.AddRange(Sweep(runId, options, highWaterMark ?? options.Epoch, followUps.SweepComments));
        }

        if (followUps.Topics)
        {
            plan.Add((TopicsKey(runId), new CrawlTask(CrawlTaskKind.Topics)));
        }

        if (followUps.Collections)
        {
            plan.Add((CollectionsKey(runId), new CrawlTask(CrawlTaskKind.Collections)));
        }

        return plan;
    }

    /// <summary>
    /// A sweep of the whole history: lean posts windows (ids and counts) from <see cref="HarvestOptions.Epoch"/>, the
    /// last without an upper bound, side by side so that a request carries a page of many. A post whose counts moved
    /// is read again whole, with its new votes and its comments; with <paramref name="comments"/> every listed post's
    /// comments are read again too.
    /// </summary>
    public static IReadOnlyList<(string Key, CrawlTask Root)> Sweep(
        long runId,
        HarvestOptions options,
        DateTimeOffset until,
        bool comments
    )
    {
        var name = comments ? SweepCommentsName : SweepName;
        var windows = Windows(runId, options.Epoch, until, options.Window, name).ToList();
        if (windows.Count == 0)
        {
            // Nothing stored after the epoch (it was moved later): one window from it.
            windows.Add((name, new CrawlTask(CrawlTaskKind.PostsWindow, From: Truncate(options.Epoch))));
        }

        windows[^1] = OpenEnded(runId, name, windows[^1].Item2);
        return
        [
            .. windows.Select(w =>
                (w.Item1, w.Item2 with { Lean = true, RefreshCommentsFrom = comments ? options.Epoch : null })
            ),
        ];
    }

    /// <summary>Whether <paramref name="key"/> is one of <paramref name="runId"/>'s sweep windows.</summary>
    public static bool IsSweep(long runId, string key) =>
        key.StartsWith(Key(runId, SweepName + "/"), StringComparison.Ordinal) || IsCommentsSweep(runId, key);

    /// <summary>Whether <paramref name="key"/> is one of <paramref name="runId"/>'s sweep windows that re-read all comments.</summary>
    public static bool IsCommentsSweep(long runId, string key) =>
        key.StartsWith(Key(runId, SweepCommentsName + "/"), StringComparison.Ordinal);

    /// <summary>The key of a run's whole read of the topics.</summary>
    public static string TopicsKey(long runId) => Key(runId, "topics");

    /// <summary>The key of a run's whole read of the collections.</summary>
    public static string CollectionsKey(long runId) => Key(runId, "collections");

    /// <summary>The key of an incremental run's check of the newest topics.</summary>
    public static string NewestTopicsKey(long runId) => Key(runId, "topics/newest");

    /// <summary>The key of an incremental run's check of the newest collections.</summary>
    public static string NewestCollectionsKey(long runId) => Key(runId, "collections/newest");

    /// <summary>Whether <paramref name="key"/> is one of <paramref name="runId"/>'s posts windows (not a refresh).</summary>
    public static bool IsPostsWindow(long runId, string key) =>
        key.StartsWith(Key(runId, "posts/"), StringComparison.Ordinal);

    /// <summary>Whether <paramref name="key"/> is <paramref name="runId"/>'s refresh of recent posts.</summary>
    public static bool IsRefresh(long runId, string key) =>
        key.StartsWith(Key(runId, "refresh/"), StringComparison.Ordinal);

    private static bool Due(DateTimeOffset? last, TimeSpan interval, DateTimeOffset now) =>
        last is not { } at || now - at >= interval;

    private static bool Newer(DateTimeOffset? seen, DateTimeOffset? stored) => seen is { } s && !(stored >= s);

    private static (string, CrawlTask) OpenEnded(long runId, CrawlTask window) => OpenEnded(runId, "posts", window);

    private static (string, CrawlTask) OpenEnded(long runId, string name, CrawlTask window) =>
        (
            Key(runId, string.Create(CultureInfo.InvariantCulture, $"{name}/{window.From:yyyy-MM-ddTHH:mm:ssZ}..")),
            window with
            {
                To = null,
            }
        );

    private static IEnumerable<(string, CrawlTask)> Windows(
        long runId,
        DateTimeOffset from,
        DateTimeOffset to,
        TimeSpan length,
        string name
    )
    {
        for (var start = Truncate(from); start <= to; start += length)
        {
            // The last window may end after to: both callers open it (OpenEnded), which drops its end.
            var end = start + length - TimeSpan.FromSeconds(1);
            yield return (
                Key(
                    runId,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{name}/{start:yyyy-MM-ddTHH:mm:ssZ}..{end:yyyy-MM-ddTHH:mm:ssZ}"
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
