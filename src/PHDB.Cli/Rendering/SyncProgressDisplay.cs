using System.Globalization;
using Spectre.Console;

namespace PHDB.Cli.Rendering;

/// <summary>
/// The progress bars of <c>phdb sync --follow</c> on a terminal: partitions (with the ETA), the budget, and
/// counters for posts, comments, votes and requests.
/// </summary>
internal sealed class SyncProgressDisplay
{
    private readonly ProgressTask partitions;
    private readonly ProgressTask budget;
    private readonly ProgressTask posts;
    private readonly ProgressTask comments;
    private readonly ProgressTask votes;
    private readonly ProgressTask requests;

    public SyncProgressDisplay(ProgressContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        partitions = context.AddTask("Partitions", maxValue: 1);
        budget = context.AddTask("Budget", maxValue: 1);
        posts = Counter(context, "Posts");
        comments = Counter(context, "Comments");
        votes = Counter(context, "Votes");
        requests = Counter(context, "Requests");
    }

    /// <summary>The progress columns these tasks are drawn with.</summary>
    public static ProgressColumn[] Columns() =>
        [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ShareColumn()];

    public void Show(SyncProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        partitions.MaxValue = Math.Max(progress.Total, 1);
        partitions.Value = progress.Done;
        partitions.Description = Markup.Escape(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Partitions {progress.Done}/{progress.Total} · {progress.EtaText}"
            )
        );
        budget.MaxValue = Math.Max(progress.BudgetLimit, 1);
        budget.Value = progress.BudgetRemaining;
        budget.Description = Markup.Escape(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Budget {progress.BudgetRemaining:N0}/{progress.BudgetLimit:N0} points left"
            )
        );
        Count(posts, "Posts", progress.Posts);
        Count(comments, "Comments", progress.Comments);
        Count(votes, "Votes", progress.Votes);
        Count(requests, "Requests", progress.Requests);
        if (progress.Ended)
        {
            partitions.Value = partitions.MaxValue;
            foreach (var task in new[] { posts, comments, votes, requests })
            {
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
            }
        }
    }

    private static ProgressTask Counter(ProgressContext context, string name)
    {
        var task = context.AddTask(name, maxValue: 1);
        task.IsIndeterminate = true;
        return task;
    }

    private static void Count(ProgressTask task, string name, long value) =>
        task.Description = string.Create(CultureInfo.InvariantCulture, $"{name} {value:N0}");
}
