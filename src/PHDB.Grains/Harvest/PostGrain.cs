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

    /// <summary>The rows a nested page is expected to hold before one was read: the client's default page size.</summary>
    public const int DefaultPageSize = 20;

    private long PostId => this.GetPrimaryKeyLong();

    /// <inheritdoc />
    public async Task<PostWorkLeft> Observe(
        int commentsCount,
        int votesCount,
        DateTimeOffset observedAt,
        bool refreshComments = false,
        bool readChanged = false
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
            // The same comments as before: only their votes counts can have moved, and a lean page shows those.
            Open(new CrawlTask(CrawlTaskKind.PostComments, PostId, Lean: last?.Comments == commentsCount));
        }

        if (votesCount > 0 && (last is null || last.Votes != votesCount))
        {
            // Votes only ever arrive (newest first): the ones cast since the newest read are the change. A count that
            // fell below what was read is not that, and the whole connection is read again.
            var since = votesCount >= state.State.VotesRead ? state.State.VotesReadUntil : null;
            Open(new CrawlTask(CrawlTaskKind.PostVotes, PostId, VotesAfter: since));
        }

        if (readChanged && !unchanged)
        {
            Open(new CrawlTask(CrawlTaskKind.Post, PostId));
        }

        await state.WriteStateAsync();
        return Settle();
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CrawlTask>> TakeWork(int max)
    {
        var tasks = new List<CrawlTask>();
        foreach (var (key, open) in state.State.Open)
        {
            if (tasks.Count >= max)
            {
                break;
            }

            var span = SpanPlanner.Pages(open, Unread(key, open), state.State.Spans.GetValueOrDefault(key));
            tasks.AddRange((span ?? [open with { First = PageSize(key, open) }]).Take(max - tasks.Count));
        }

        return Task.FromResult<IReadOnlyList<CrawlTask>>(tasks);
    }

    /// <inheritdoc />
    public async Task<PostWorkLeft> Advance(TaskOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            return Settle();
        }

        var key = TaskKey(outcome.Task);
        var pagesRead = 1;
        if (outcome.Task.Span is not null)
        {
            // A page read beside others of its connection: the connection moves on once all of them are read, as if
            // they were one page.
            if (
                !state.State.Open.TryGetValue(key, out var open)
                || SpanPlanner.Record(open, state.State.Spans.GetValueOrDefault(key), outcome) is not { } span
            )
            {
                return Settle();
            }

            if (!span.Complete)
            {
                state.State.Spans[key] = span;
                await state.WriteStateAsync();
                return Settle();
            }

            state.State.Spans.Remove(key);
            pagesRead = span.Pages;
            outcome = outcome with
            {
                Task = open,
                Nodes = span.Nodes,
                NewestRow = span.Newest,
                NextAfter = span.NextAfter,
            };
        }

        if (outcome.Task.Kind is CrawlTaskKind.PostComments or CrawlTaskKind.CommentReplies)
        {
            state.State.CommentsRead += outcome.Nodes;
        }

        if (outcome.Task.Kind == CrawlTaskKind.PostVotes)
        {
            CountVotes(key, outcome);
        }

        if (outcome.NextAfter is null)
        {
            state.State.Open.Remove(key);
            state.State.Walks.Remove(key);
            state.State.Spans.Remove(key);
        }
        else
        {
            // A page sized to a count that still goes on is read on with full pages.
            state.State.Open[key] = outcome.Task with
            {
                After = outcome.NextAfter,
                First = null,
            };
            var walk = state.State.Walks.GetValueOrDefault(key) ?? new PostWalk(0, 0);
            state.State.Walks[key] = new PostWalk(walk.Nodes + outcome.Nodes, walk.Pages + pagesRead);
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
                if (outcome.Task.Lean)
                {
                    // A lean page stored nothing: the comment's row is read again for its new count.
                    Open(new CrawlTask(CrawlTaskKind.Comment, subject.SubjectId, PostId));
                }
            }
            else if (subject.Kind == CrawlTaskKind.CommentReplies)
            {
                // A thread found by a lean page is read leanly too.
                Open(
                    new CrawlTask(
                        subject.Kind,
                        subject.SubjectId,
                        PostId,
                        After: subject.After,
                        First: subject.Count > 0 ? subject.Count : null,
                        Lean: outcome.Task.Lean
                    )
                );
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

    /// <summary>
    /// Follows a votes walk: the newest vote it read, and once it is complete, the votes read in all (a walk from the
    /// newest vote read before re-reads that one vote) and the instant the next walk starts from.
    /// </summary>
    private void CountVotes(string key, TaskOutcome outcome)
    {
        var s = state.State;
        if (outcome.NewestRow is { } newest && !(s.VotesWalkNewest >= newest))
        {
            s.VotesWalkNewest = newest;
        }

        if (outcome.NextAfter is not null)
        {
            return;
        }

        var read = (s.Walks.GetValueOrDefault(key)?.Nodes ?? 0) + outcome.Nodes;
        s.VotesRead = outcome.Task.VotesAfter is null ? read : s.VotesRead + Math.Max(0, read - 1);
        if (s.VotesWalkNewest is { } walked && !(s.VotesReadUntil >= walked))
        {
            s.VotesReadUntil = walked;
        }

        s.VotesWalkNewest = null;
    }

    /// <summary>The nested work open; a post without any leaves memory once this call ends.</summary>
    private PostWorkLeft Settle()
    {
        if (state.State.Open.Count > 0)
        {
            var left = state.State.Open.Select(o => PagesLeft(o.Key, o.Value)).ToList();
            return new PostWorkLeft(
                left.Sum(l => l.Pages),
                left.Max(l => l.Chain),
                left.Sum(l => l.UnreadComments),
                left.Sum(l => l.Points)
            );
        }

        DeactivateOnIdle();
        return PostWorkLeft.None;
    }

    /// <summary>
    /// The pages an open connection still needs: the rows its count announces that were not read yet, at the rows a
    /// page of it held so far (<see cref="DefaultPageSize"/> before its first page), one when the count is unknown;
    /// their complexity (the next page at the size it asks for, full pages after it); and, for comments, the comments
    /// not read yet.
    /// </summary>
    private (int Pages, int Chain, int UnreadComments, long Points) PagesLeft(string key, CrawlTask task)
    {
        var next = task with { First = PageSize(key, task) };
        // A thread's replies are bounded only by the post's unread comments, shared by all its threads: one page each.
        if (task.Kind == CrawlTaskKind.CommentReplies || Unread(key, task) is not { } unread)
        {
            return (1, 1, 0, next.Complexity());
        }

        var walk = state.State.Walks.GetValueOrDefault(key);
        var perPage = walk is { Pages: > 0, Nodes: > 0 } ? (double)walk.Nodes / walk.Pages : DefaultPageSize;
        var pages = Math.Max(1, (int)Math.Ceiling(unread / perPage));
        var points = next.Complexity() + ((long)(pages - 1) * (next with { First = null }).Complexity());
        return (pages, SpanPlanner.Chain(task, pages), task.Kind == CrawlTaskKind.PostComments ? unread : 0, points);
    }

    /// <summary>
    /// The page to ask for next: the rows still unread when fewer than a full page; null (a full page) when the count
    /// is unknown, or was read and the connection still goes on (its count is older than its rows).
    /// </summary>
    private int? PageSize(string key, CrawlTask task)
    {
        var unread = Unread(key, task);
        if (task is { Kind: CrawlTaskKind.CommentReplies, First: { } replies })
        {
            // The thread's own count, seen when its comment was read, bounds its first page.
            unread = Math.Min(unread ?? replies, replies);
        }

        return unread is { } rows and > 0 and < DefaultPageSize ? rows : null;
    }

    /// <summary>
    /// The rows of an open connection its count announces that were not read yet; null when not counted. The post's
    /// comment count covers its replies: a thread's replies are at most the comments of the post not read yet.
    /// </summary>
    private int? Unread(string key, CrawlTask task)
    {
        var last = state.State.History.Count > 0 ? state.State.History[^1] : null;
        return task.Kind switch
        {
            CrawlTaskKind.PostComments or CrawlTaskKind.CommentReplies => last is null
                ? null
                : Math.Max(0, last.Comments - state.State.CommentsRead),
            CrawlTaskKind.PostVotes when task.VotesAfter is not null => last is null
                ? null
                : Left(last.Votes - state.State.VotesRead + 1),
            CrawlTaskKind.PostVotes => last is null ? null : Left(last.Votes),
            CrawlTaskKind.CommentVotes => state.State.CommentVotes.TryGetValue(task.SubjectId, out var votes)
                ? Left(votes)
                : null,
            _ => null,
        };

        int Left(int rows) => Math.Max(0, rows - (state.State.Walks.GetValueOrDefault(key)?.Nodes ?? 0));
    }

    /// <summary>Opens a connection from <paramref name="task"/>'s cursor, replacing a walk in progress.</summary>
    private void Open(CrawlTask task)
    {
        var key = TaskKey(task);
        if (task.Lean && state.State.Open.TryGetValue(key, out var open) && !open.Lean)
        {
            // A whole read of the same connection is under way: it shows all a lean one would.
            return;
        }

        state.State.Open[key] = task;
        state.State.Walks.Remove(key);
        state.State.Spans.Remove(key);
        if (task.Kind == CrawlTaskKind.PostComments)
        {
            state.State.CommentsRead = 0;
        }
        else if (task.Kind == CrawlTaskKind.PostVotes)
        {
            state.State.VotesWalkNewest = null;
        }
    }
}
