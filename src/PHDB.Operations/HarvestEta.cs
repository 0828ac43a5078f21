using PHDB.Grains.Harvest;

namespace PHDB.Operations;

/// <summary>
/// Estimates when the current run ends: the pages left (<see cref="HarvestWorkLeft"/>) over the pace of the run, and
/// then the requests the longest connection left needs one after the other.
/// The pace is what the run achieved while this process watched it (<see cref="HarvestView.Pace"/>), blended with
/// the pace the budgets in use allow (requests per second times pages per request) until it was watched for a
/// budget window; idle budgets (an earlier run's token) add no pace.
/// </summary>
public static class HarvestEta
{
    /// <summary>The shortest watch after which the achieved pace alone is trusted.</summary>
    public static readonly TimeSpan MinimumSettle = TimeSpan.FromSeconds(10);

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

        var perSubject = view.Pace is { SubjectsDone: >= MinimumSubjects } pace ? pace.PagesPerSubject ?? 1 : 1;
        if (HarvestWorkLeft.Pages([.. view.Partitions.Values], perSubject) is not { } pagesLeft)
        {
            return null;
        }

        if (pagesLeft <= 0)
        {
            return TimeSpan.Zero;
        }

        if (PagesPerSecond(view) is not (> 0 and var pagesPerSecond))
        {
            return null;
        }

        // A request carries a page of each connection at most, and only of the partitions its worker leased: while
        // many partitions are open, each advances in a few of the requests, so the longest connection is left with
        // most of its pages when the others end, and the run ends reading them one a request (the tail, where
        // requests carry less). The other pages go at the run's pace.
        var requestsPerSecond = pagesPerSecond / Math.Max(view.ItemsPerRequest ?? 1, 1);
        var chain = Math.Min(HarvestWorkLeft.LongestChain([.. view.Partitions.Values]), pagesLeft);
        return TimeSpan.FromSeconds(((pagesLeft - chain) / pagesPerSecond) + (chain / requestsPerSecond));
    }

    /// <summary>
    /// The pace to expect in pages per second: the achieved one, weighted by how long it was watched against the
    /// longest window of the budgets in use (at least <see cref="MinimumSettle"/>), the budgets' one for the rest;
    /// the achieved one alone once watched for that window when it is the slower.
    /// </summary>
    public static double? PagesPerSecond(HarvestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var budgets = view.ActiveBudgets.Where(b => b.CostPerRequest > 0 && b.WindowLength > TimeSpan.Zero).ToList();
        double? allowed =
            budgets.Count == 0
                ? null
                : budgets.Sum(b => (double)b.Limit / b.CostPerRequest / b.WindowLength.TotalSeconds)
                    * Math.Max(view.ItemsPerRequest ?? 1, 1);
        if (view.Pace is not { Span.Ticks: > 0 } achieved)
        {
            return allowed;
        }

        if (allowed is not { } budgetPace)
        {
            return achieved.PagesPerSecond;
        }

        // Watched for a whole window of every budget, a run slower than its budgets allow is bound by something else
        // (the API's answers, the machine, the database): the budgets' pace is then no more than a ceiling.
        var longestWindow = budgets.Max(b => b.WindowLength);
        if (achieved.Span >= longestWindow && achieved.PagesPerSecond < budgetPace)
        {
            return achieved.PagesPerSecond;
        }

        var settle = longestWindow > MinimumSettle ? longestWindow : MinimumSettle;
        var weight = Math.Min(1, achieved.Span / settle);
        return (weight * achieved.PagesPerSecond) + ((1 - weight) * budgetPace);
    }
}
