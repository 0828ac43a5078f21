using System.Globalization;
using PHDB.Grains.Harvest;
using PHDB.Operations;

namespace PHDB.Cli.Rendering;

/// <summary>What <c>phdb sync --follow</c> shows of one view: the run's partitions, rows, requests, budget and ETA.</summary>
/// <param name="RunId">The run followed.</param>
/// <param name="Phase">Its phase.</param>
/// <param name="Done">Partitions done.</param>
/// <param name="Total">Partitions planned.</param>
/// <param name="Parked">Partitions parked.</param>
/// <param name="Posts">Posts written since following began.</param>
/// <param name="Comments">Comments written since following began.</param>
/// <param name="Votes">Votes written since following began.</param>
/// <param name="Requests">Requests (one batch each) since following began.</param>
/// <param name="BudgetRemaining">Points left in the current windows, all tokens together.</param>
/// <param name="BudgetLimit">Points per window, all tokens together.</param>
/// <param name="Eta">Time left, if known.</param>
internal sealed record SyncProgress(
    long RunId,
    HarvestPhase Phase,
    int Done,
    int Total,
    int Parked,
    long Posts,
    long Comments,
    long Votes,
    long Requests,
    int BudgetRemaining,
    int BudgetLimit,
    TimeSpan? Eta
)
{
    public static SyncProgress From(HarvestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var status = view.Status;
        return new SyncProgress(
            status?.RunId ?? 0,
            status?.Phase ?? HarvestPhase.Idle,
            status?.Done ?? 0,
            status?.Partitions ?? 0,
            status?.Parked ?? 0,
            view.Written.Posts,
            view.Written.Comments,
            view.Written.Votes,
            view.Written.Batches,
            view.ActiveBudgets.Sum(b => b.Remaining),
            view.ActiveBudgets.Sum(b => b.Limit),
            HarvestEta.Estimate(view)
        );
    }

    /// <summary>Whether the run has ended (completed or cancelled).</summary>
    public bool Ended => Phase is HarvestPhase.Completed or HarvestPhase.Cancelled;

    /// <summary>The ETA as words.</summary>
    public string EtaText =>
        Ended ? "done"
        : Eta is { } eta ? $"about {HarvestText.Duration(eta)} left"
        : "ETA not known yet";

    /// <summary>One plain line, for a terminal-less follow.</summary>
    public string Line() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"run #{RunId} {Phase.ToString().ToLowerInvariant()}: partitions {Done}/{Total} ({Parked} parked), posts {Posts:N0}, comments {Comments:N0}, votes {Votes:N0}, requests {Requests:N0}, budget {BudgetRemaining:N0}/{BudgetLimit:N0}, {EtaText}"
        );
}
