using PHDB.Grains.Harvest;

namespace PHDB.Operations;

/// <summary>
/// Estimates when the current run ends: the work left (<see cref="HarvestWorkLeft"/>, in complexity points) over the
/// pace of the run in points, then the requests its longest connection left needs one after the other. Points rather
/// than pages: a request carries up to the complexity cap whatever its pages are, so the pace in points holds while
/// the mix of pages changes (many small reply threads at one time, full vote pages at another). The pace is what the
/// run achieved while this process watched it (<see cref="HarvestView.Pace"/>), blended with the pace the budgets in
/// use allow (requests per second times points per request) until it was watched for a budget window and
/// <see cref="MinimumSettle"/>; idle budgets (an earlier run's token) add no pace.
/// </summary>
public static class HarvestEta
{
    /// <summary>The shortest watch after which the achieved pace alone is trusted.</summary>
    public static readonly TimeSpan MinimumSettle = TimeSpan.FromSeconds(30);

    /// <summary>How many subjects must be seen to finish before what they took stands for the others.</summary>
    public const int MinimumSubjects = 3;

    /// <summary>Time left, or <see langword="null"/> when it cannot be estimated yet (nothing fetched, no pace known).</summary>
    public static TimeSpan? Estimate(HarvestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Status is not { Phase: HarvestPhase.Running or HarvestPhase.Paused })
        {
            return null;
        }

        // A subject without an estimate of its own takes what those seen to finish took, else a page.
        var perSubject =
            (view.Pace is { SubjectsDone: >= MinimumSubjects } pace ? pace.PointsPerSubject : null)
            ?? PointsPerPage(view);
        if (HarvestWorkLeft.Points([.. view.Partitions.Values], perSubject) is not { } pointsLeft)
        {
            return null;
        }

        if (pointsLeft <= 0)
        {
            return TimeSpan.Zero;
        }

        if (PointsPerSecond(view) is not (> 0 and var pointsPerSecond))
        {
            return null;
        }

        // A request carries one span of each connection at most (up to 10 pages of a votes list, a page of the
        // others), and work is taken in the order it was found: the longest connection left may be read after the
        // other work, a request per span (the tail of a run, where requests carry less).
        var requestsPerSecond = pointsPerSecond / PointsPerRequest(view);
        var chain = HarvestWorkLeft.LongestChain([.. view.Partitions.Values]);
        return TimeSpan.FromSeconds((pointsLeft / pointsPerSecond) + (chain / requestsPerSecond));
    }

    /// <summary>
    /// The pace to expect in points per second: the achieved one, weighted by how long it was watched against the
    /// longest window of the budgets in use (at least <see cref="MinimumSettle"/>), the budgets' one for the rest;
    /// the achieved one alone once watched for that window when it is the slower.
    /// </summary>
    public static double? PointsPerSecond(HarvestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var budgets = view.ActiveBudgets.Where(b => b.CostPerRequest > 0 && b.WindowLength > TimeSpan.Zero).ToList();
        double? allowed = budgets.Count == 0 ? null : budgets.Sum(b => b.RequestsPerSecond) * PointsPerRequest(view);
        if (view.Pace is not { Span.Ticks: > 0 } achieved)
        {
            return allowed;
        }

        if (allowed is not { } budgetPace)
        {
            return achieved.PointsPerSecond;
        }

        // Watched for a whole window of every budget and the settling time, a run slower than its budgets allow is
        // bound by something else (the API's answers, the machine, the database): the budgets' pace is then no more
        // than a ceiling. Before that it may still be starting (a resumed cluster activates its grains and meets the
        // API's open window), and the budgets' pace weighs in.
        var longestWindow = budgets.Max(b => b.WindowLength);
        var settle = longestWindow > MinimumSettle ? longestWindow : MinimumSettle;
        if (achieved.Span >= settle && achieved.PointsPerSecond < budgetPace)
        {
            return achieved.PointsPerSecond;
        }

        var weight = Math.Min(1, achieved.Span / settle);
        return (weight * achieved.PointsPerSecond) + ((1 - weight) * budgetPace);
    }

    /// <summary>
    /// The points a request carries: over the recent batches, else a page's worth (one page a request).
    /// </summary>
    public static double PointsPerRequest(HarvestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.PointsPerRequest is > 0 and var recent)
        {
            return recent;
        }

        return PointsPerPage(view);
    }

    /// <summary>The points a page of the run took on average, else 1.</summary>
    private static double PointsPerPage(HarvestView view)
    {
        var pages = view.Partitions.Values.Sum(p => p.Pages);
        return pages > 0 ? Math.Max(1, (double)view.Partitions.Values.Sum(p => p.Points) / pages) : 1;
    }
}
