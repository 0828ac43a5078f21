using PHDB.Grains.Harvest;
using PHDB.Grains.Harvest.Events;
using PHDB.Grains.RateBudgets;
using PHDB.Storage;

namespace PHDB.Operations;

/// <summary>The harvest as the console sees it at one moment: immutable, shared by every open page.</summary>
/// <param name="Status">The coordinator's status, once read.</param>
/// <param name="Partitions">The current run's partitions by key.</param>
/// <param name="Budgets">Rate budgets by application fingerprint.</param>
/// <param name="RecentEvents">Notable events, newest first (batches, partitions done, failures, 429s).</param>
/// <param name="Totals">What the database holds, once read.</param>
/// <param name="ItemsPerRequest">Pages per request over the recent batches, if any arrived.</param>
/// <param name="PointsPerRequest">The complexity of the pages of a request over the recent batches, if any arrived.</param>
/// <param name="Written">Rows written since the console started, by kind (posts, comments, votes).</param>
/// <param name="UpdatedAt">When this view was made.</param>
/// <param name="Problem">Why the view may be stale (the cluster or the database cannot be read), if it may.</param>
public sealed record HarvestView(
    HarvestStatus? Status,
    IReadOnlyDictionary<string, PartitionProgress> Partitions,
    IReadOnlyDictionary<string, RateBudgetStatus> Budgets,
    IReadOnlyList<HarvestEvent> RecentEvents,
    StoredTotals? Totals,
    double? ItemsPerRequest,
    double? PointsPerRequest,
    WrittenRows Written,
    DateTimeOffset UpdatedAt,
    string? Problem
)
{
    /// <summary>The view before anything was read.</summary>
    public static HarvestView Empty { get; } =
        new(
            null,
            new Dictionary<string, PartitionProgress>(),
            new Dictionary<string, RateBudgetStatus>(),
            [],
            null,
            null,
            null,
            new WrittenRows(0, 0, 0, 0),
            DateTimeOffset.MinValue,
            null
        );

    /// <summary>A view of one reading of the grains and the database (for a one-off report rather than a feed).</summary>
    public static HarvestView Of(
        HarvestGrainState state,
        StoredTotals? totals,
        DateTimeOffset now,
        string? problem = null
    )
    {
        ArgumentNullException.ThrowIfNull(state);
        return Empty with
        {
            Status = state.Status,
            Partitions = state.Partitions.ToDictionary(p => p.Key, StringComparer.Ordinal),
            Budgets = state.Budgets,
            Totals = totals,
            UpdatedAt = now,
            Problem = problem,
        };
    }

    /// <summary>How long a rate budget may go unused before it is idle (see <see cref="BudgetActivity"/>).</summary>
    public TimeSpan IdleBudgetAfter { get; init; } = BudgetActivity.DefaultIdleAfter;

    /// <summary>The pace the current run achieved while this process watched it run, if measured yet.</summary>
    public HarvestPace? Pace { get; init; }

    /// <summary>The budgets in use at <see cref="UpdatedAt"/>: idle ones (an earlier run's token) left out.</summary>
    public IReadOnlyList<RateBudgetStatus> ActiveBudgets =>
        [.. Budgets.Values.Where(b => !BudgetActivity.IsIdle(b, UpdatedAt, IdleBudgetAfter))];

    /// <summary>Partitions parked or failing now: what needs an operator's attention.</summary>
    public IReadOnlyList<PartitionProgress> Attention =>
        [
            .. Partitions
                .Values.Where(p => p.Status == PartitionStatus.Parked || p.ConsecutiveFailures > 0)
                .OrderByDescending(p => p.UpdatedAt),
        ];
}
