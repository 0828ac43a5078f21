using PHDB.Grains;
using PHDB.Grains.Harvest;
using PHDB.Grains.RateBudgets;
using PHDB.Operations;

namespace PHDB.Cli.Output;

/// <summary>
/// The shape of <c>phdb status --json</c>: the run, rows stored, rate budgets (idle ones, as on the console, only
/// when asked for; otherwise counted in <paramref name="IdleBudgetsHidden"/>) and silos.
/// </summary>
internal sealed record StatusReport(
    StatusReport.RunPart Run,
    StatusReport.StoredPart? Stored,
    IReadOnlyList<StatusReport.BudgetPart> Budgets,
    IReadOnlyList<StatusReport.SiloPart> Silos,
    string? Problem,
    int IdleBudgetsHidden = 0
)
{
    /// <summary>The current (or last) run.</summary>
    internal sealed record RunPart(
        long Id,
        HarvestMode Mode,
        HarvestPhase Phase,
        DateTimeOffset? StartedAt,
        DateTimeOffset? FinishedAt,
        int Partitions,
        int Done,
        int Parked,
        int Leased,
        double? EtaSeconds,
        DateTimeOffset? NextIncrementalAt,
        DateTimeOffset? HighWaterMark
    );

    /// <summary>Rows stored, by entity (votes estimated beyond a million).</summary>
    internal sealed record StoredPart(long Posts, long Comments, long Users, long Votes);

    /// <summary>
    /// One API application's budget; the token appears as its last 4 characters only. An idle budget was not used
    /// for the idle period (e.g. an earlier run's token).
    /// </summary>
    internal sealed record BudgetPart(
        string Token,
        int Limit,
        int Remaining,
        DateTimeOffset? WindowEndsAt,
        DateTimeOffset? RateLimitedUntil,
        int RequestsThisWindow,
        long RateLimitHits,
        bool Idle,
        DateTimeOffset? LastUsedAt
    );

    /// <summary>One silo as the membership table reports it.</summary>
    internal sealed record SiloPart(
        string Address,
        string Name,
        string Host,
        string Status,
        DateTimeOffset StartedAt,
        int? Activations
    );

    /// <summary>The report of <paramref name="view"/>; idle budgets only with <paramref name="idleBudgets"/>.</summary>
    public static StatusReport From(HarvestView view, ClusterSnapshot? cluster, bool idleBudgets = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        var budgets = view
            .Budgets.Values.Select(b => Budget(b, BudgetActivity.IsIdle(b, view.UpdatedAt, view.IdleBudgetAfter)))
            .OrderBy(b => b.Idle)
            .ThenBy(b => b.Token, StringComparer.Ordinal)
            .ToList();
        var status =
            view.Status
            ?? new HarvestStatus(HarvestMode.None, HarvestPhase.Idle, 0, null, null, 0, 0, 0, 0, null, null);
        return new StatusReport(
            new RunPart(
                status.RunId,
                status.Mode,
                status.Phase,
                status.StartedAt,
                status.FinishedAt,
                status.Partitions,
                status.Done,
                status.Parked,
                status.Leased,
                HarvestEta.Estimate(view) is { } eta ? Math.Round(eta.TotalSeconds) : null,
                status.NextIncrementalAt,
                status.HighWaterMark
            ),
            view.Totals is { } t ? new StoredPart(t.Posts, t.Comments, t.Users, t.VotesEstimate) : null,
            [.. budgets.Where(b => idleBudgets || !b.Idle)],
            [
                .. (cluster?.Silos ?? []).Select(s => new SiloPart(
                    s.Address,
                    s.Name,
                    s.HostName,
                    s.Status,
                    s.StartedAt,
                    s.GrainActivations
                )),
            ],
            view.Problem,
            idleBudgets ? 0 : budgets.Count(b => b.Idle)
        );
    }

    private static BudgetPart Budget(RateBudgetStatus b, bool idle) =>
        new(
            b.TokenHint ?? "…????",
            b.Limit,
            b.Remaining,
            b.WindowEndsAt,
            b.RateLimitedUntil,
            b.RequestsThisWindow,
            b.RateLimitHits,
            idle,
            b.LastUsedAt
        );
}
