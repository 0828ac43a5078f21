using System.Globalization;

namespace PHDB.Grains.Harvest;

/// <summary>A post's nested work and counts; see <see cref="IPostGrain"/>.</summary>
/// <remarks>
/// A full harvest activates one per post it lists, hundreds a second, far faster than the default collection age
/// (15 minutes) retires them, so a silo would hold every post of the posts phase in memory. A post with no nested work
/// left deactivates once its call ends, and one whose work waits goes after 2 minutes idle: its next call reactivates
/// it from its persisted state.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
public sealed class PostGrain([PersistentState("post", PhdbCluster.StateStorage)] IPersistentState<PostState> state)
    : Grain,
        IPostGrain
{
    /// <summary>History entries kept per post.</summary>
    public const int HistoryLimit = 200;

    private long PostId => this.GetPrimaryKeyLong();

    /// <inheritdoc />
    public async Task<bool> Observe(
        int commentsCount,
        int votesCount,
        DateTimeOffset observedAt,
        bool refreshComments = false
    )
    {
        var last = state.State.History.Count > 0 ? state.State.History[^1] : null;
        var unchanged = last is not null && last.Comments == commentsCount && last.Votes == votesCount;
        if (unchanged && !(refreshComments && commentsCount > 0))
        {
            return Settle();
        }

        if (!unchanged)
        {
            state.State.History.Add(new PostCounts(commentsCount, votesCount, observedAt));
            if (state.State.History.Count > HistoryLimit)
            {
                state.State.History.RemoveAt(0);
            }
        }

        if (commentsCount > 0 && (last is null || last.Comments != commentsCount || refreshComments))
        {
            Open(new CrawlTask(CrawlTaskKind.PostComments, PostId));
        }

        if (votesCount > 0 && (last is null || last.Votes != votesCount))
        {
            Open(new CrawlTask(CrawlTaskKind.PostVotes, PostId));
        }

        await state.WriteStateAsync();
        return Settle();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CrawlTask>> TakeWork(int max) =>
        Task.FromResult<IReadOnlyList<CrawlTask>>([.. state.State.Open.Values.Take(max)]);

    /// <inheritdoc />
    public async Task<bool> Advance(TaskOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            return Settle();
        }

        var key = TaskKey(outcome.Task);
        if (outcome.NextAfter is null)
        {
            state.State.Open.Remove(key);
        }
        else
        {
            state.State.Open[key] = outcome.Task with { After = outcome.NextAfter };
        }

        foreach (var subject in outcome.Discovered)
        {
            if (subject.Kind == CrawlTaskKind.CommentVotes)
            {
                // A re-read of the comments reveals every comment with votes: only those whose count moved (or
                // that were never walked) are walked again.
                if (state.State.CommentVotes.TryGetValue(subject.SubjectId, out var seen) && seen == subject.Count)
                {
                    continue;
                }

                state.State.CommentVotes[subject.SubjectId] = subject.Count;
                Open(new CrawlTask(subject.Kind, subject.SubjectId, PostId, After: subject.After));
            }
            else if (subject.Kind == CrawlTaskKind.CommentReplies)
            {
                Open(new CrawlTask(subject.Kind, subject.SubjectId, PostId, After: subject.After));
            }
        }

        await state.WriteStateAsync();
        return Settle();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PostCounts>> GetHistory() =>
        Task.FromResult<IReadOnlyList<PostCounts>>([.. state.State.History]);

    /// <summary>Identifies a nested connection of a post.</summary>
    public static string TaskKey(CrawlTask task) =>
        string.Create(CultureInfo.InvariantCulture, $"{task.Kind}:{task.SubjectId}");

    /// <summary>Whether nested work is open; a post without any leaves memory once this call ends.</summary>
    private bool Settle()
    {
        if (state.State.Open.Count > 0)
        {
            return true;
        }

        DeactivateOnIdle();
        return false;
    }

    /// <summary>Opens a connection from <paramref name="task"/>'s cursor, replacing a walk in progress.</summary>
    private void Open(CrawlTask task) => state.State.Open[TaskKey(task)] = task;
}
