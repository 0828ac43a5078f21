using System.ComponentModel.DataAnnotations;

namespace PHDB.Grains.Harvest;

/// <summary>How runs are planned and scheduled (section <c>Harvest</c>).</summary>
public sealed class HarvestOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Harvest";

    /// <summary>The earliest instant a full harvest looks at (Product Hunt launched in November 2013).</summary>
    public DateTimeOffset Epoch { get; set; } = new(2013, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Length of one posts window of a full harvest.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Start a full harvest by itself when none has ever run.</summary>
    public bool StartAutomatically { get; set; } = true;

    /// <summary>Time between incremental runs; zero turns the schedule off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan IncrementalInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far before the high-water mark (the newest post stored) an incremental run looks for new posts.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan LookBack { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Posts launched within this period before the high-water mark are refreshed (counts, new comments and votes)
    /// by incremental runs that refresh (see <see cref="RefreshInterval"/>). Votes keep arriving for about a year after
    /// launch; a period that long keeps every count exact at the price of re-reading a year of posts (about one request
    /// per 20 posts) on each refresh.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "730.00:00:00")]
    public TimeSpan RefreshRecent { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Posts launched within this period before the high-water mark (and within the run's window) have their
    /// comments read again by incremental refreshes even when their comment count did not change: comments keep gaining
    /// votes, which no post count shows (the simulator: within a month of the comment, and comments come within two
    /// months of the launch). Only comments whose votes count moved have their votes walked again. It costs about
    /// one page per such post and refresh, so the default covers the launch days, where most comment votes arrive;
    /// exact comment votes need about 90 days. Zero turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "730.00:00:00")]
    public TimeSpan RefreshComments { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// An incremental run first checks (new posts since the high-water mark minus the look-back, the newest page of
    /// topics and of collections) and refreshes recent posts' counts only when that check found new posts or the
    /// last refresh is older than this. So a quiet run costs one page per check, and a quiet API still has its
    /// counts refreshed this often. Zero refreshes on every run.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Topics and collections are read whole by an incremental run when its check found new posts (they change their
    /// counts and links), a topic or collection newer than any stored, or when the last whole read is older than
    /// this (followers move slowly). Zero reads them whole on every run.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan CatalogueInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Every post of the whole history is swept this often: an incremental run lists all posts with their ids and
    /// counts only (about 200 posts per request at a complexity cap of 1,000) and reads again, whole, each post whose
    /// counts moved, with the votes cast since its newest vote read and its comments. So activity on posts older than
    /// <see cref="RefreshRecent"/> reaches the database within this period. Zero sweeps on every incremental run.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A sweep re-reads the comments of every post it lists (with their votes counts; only comments whose count moved
    /// have their votes walked) when the last such sweep is older than this: comments' votes show in no post count.
    /// Zero does so on every sweep.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan SweepCommentsInterval { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A lease a worker does not return within this time is taken back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failures in a row after which a partition is parked.</summary>
    [Range(1, 1000)]
    public int MaxConsecutiveFailures { get; set; } = 5;

    /// <summary>
    /// How long a parked partition waits before it is retried by itself (its failures forgotten); each further park of
    /// the same partition in the run doubles the wait, up to <see cref="ParkedRetryMaxDelay"/>. An API that answers
    /// again is read on by itself, without an operator's resume.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ParkedRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait before a parked partition is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan ParkedRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Automatic retries of one partition in one run; once spent, the partition stays parked and the run ends failed
    /// (an operator's resume still retries it). Zero turns automatic retries off. The default outlasts about four
    /// hours of a partition failing on every page.
    /// </summary>
    [Range(0, 10_000)]
    public int ParkedRetries { get; set; } = 20;

    /// <summary>
    /// Posts with comments or votes still to read that a partition holds before it stops listing more: its next
    /// posts page waits until they drain below this. Listing runs far ahead of those walks otherwise (a page lists 20
    /// posts, each with two connections or more), and the backlog, held in memory by the silos, would grow with the
    /// partition. The requests a run needs do not change, only their order.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxPendingPosts { get; set; } = 200;

    /// <summary>A copy with another look-back.</summary>
    public HarvestOptions WithLookBack(TimeSpan lookBack)
    {
        var copy = (HarvestOptions)MemberwiseClone();
        copy.LookBack = lookBack;
        return copy;
    }
}
