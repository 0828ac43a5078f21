using Microsoft.Extensions.Options;

namespace PHDB.Grains.Harvest;

/// <summary>A crawl partition; see <see cref="ICrawlPartitionGrain"/>.</summary>
public sealed class CrawlPartitionGrain(
    [PersistentState("partition", PhdbCluster.StateStorage)] IPersistentState<CrawlPartitionState> state,
    IOptions<HarvestOptions> options,
    TimeProvider timeProvider
) : Grain, ICrawlPartitionGrain
{
    /// <summary>The most users a partition remembers as read (see <see cref="CrawlPartitionState.ReadUsers"/>).</summary>
    public const int ReadUsersLimit = 5_000;

    private string Key => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task Plan(CrawlTask root)
    {
        if (state.State.Root is not null)
        {
            return;
        }

        state.State.Root = root;
        state.State.UpdatedAt = timeProvider.GetUtcNow();
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkTicket>> TakeWork(int max)
    {
        var tickets = new List<WorkTicket>();
        if (state.State.Parked || state.State.Root is null)
        {
            return tickets;
        }

        // A partition with a full backlog of posts to walk lists no more until it drains.
        if (!state.State.RootExhausted && state.State.PendingPosts.Count < options.Value.MaxPendingPosts)
        {
            tickets.Add(new WorkTicket(Key, state.State.Root));
        }

        foreach (var user in state.State.PendingUsers.Take(Math.Max(0, max - tickets.Count)))
        {
            tickets.Add(new WorkTicket(Key, new CrawlTask(CrawlTaskKind.User, user)));
        }

        foreach (var (collection, after) in state.State.CollectionCursors)
        {
            if (tickets.Count >= max)
            {
                break;
            }

            tickets.Add(new WorkTicket(Key, new CrawlTask(CrawlTaskKind.CollectionPosts, collection, After: after)));
        }

        var room = max - tickets.Count;
        var asked = state.State.PendingPosts.Take(Math.Max(0, room)).ToList();
        var answers = await Task.WhenAll(asked.Select(post => GrainFactory.GetGrain<IPostGrain>(post).TakeWork(room)));
        var stale = new List<long>();
        for (var i = 0; i < asked.Count; i++)
        {
            if (answers[i].Count == 0)
            {
                stale.Add(asked[i]);
            }

            foreach (var task in answers[i])
            {
                if (tickets.Count < max)
                {
                    tickets.Add(new WorkTicket(Key, task));
                }
            }
        }

        if (stale.Count > 0)
        {
            state.State.PendingPosts.RemoveAll(stale.Contains);
            foreach (var post in stale)
            {
                state.State.PostWork.Remove(post);
            }

            await state.WriteStateAsync();
        }

        return tickets;
    }

    /// <inheritdoc />
    public async Task<PartitionProgress> Complete(IReadOnlyList<TaskOutcome> outcomes)
    {
        try
        {
            return await CompleteAsync(outcomes);
        }
        catch
        {
            // A post grain that cannot be reached (its silo just died) or a state write that failed leaves this
            // activation's state half-changed: the cursor moved past a page whose posts were not all observed. Going
            // back to what is persisted makes the worker's retry fetch that page again, so nothing is lost. When even
            // that read fails, this activation goes away and the next one reads the state.
            try
            {
                await state.ReadStateAsync();
            }
            catch
            {
                DeactivateOnIdle();
            }

            throw;
        }
    }

    private async Task<PartitionProgress> CompleteAsync(IReadOnlyList<TaskOutcome> outcomes)
    {
        var committed = new List<TaskOutcome>();
        foreach (var outcome in outcomes)
        {
            if (!outcome.Succeeded)
            {
                state.State.ConsecutiveFailures++;
                state.State.LastError = $"{outcome.Task}: {outcome.Error}";
                state.State.Parked = state.State.ConsecutiveFailures >= options.Value.MaxConsecutiveFailures;
                continue;
            }

            state.State.ConsecutiveFailures = 0;
            state.State.Pages++;
            state.State.Points += outcome.Task.Complexity();
            state.State.Nodes += outcome.Nodes;
            committed.Add(outcome);
        }

        foreach (var outcome in committed.Where(o => !o.Task.IsNested))
        {
            state.State.Root = outcome.Task with { After = outcome.NextAfter ?? outcome.Task.After };
            state.State.RootExhausted = outcome.NextAfter is null;
            if (outcome.NewestRow is { } row && !(state.State.NewestRow >= row))
            {
                state.State.NewestRow = row;
            }

            await DiscoverAsync(outcome.Task, outcome.Discovered);
        }

        foreach (var outcome in committed)
        {
            if (outcome.Task.Kind == CrawlTaskKind.User)
            {
                state.State.PendingUsers.Remove(outcome.Task.SubjectId);
                if (state.State.ReadUsers.Count >= ReadUsersLimit)
                {
                    // Held in memory and written with every page committed: a full set starts over, and a user it
                    // forgot is read once more if a page refers to it again.
                    state.State.ReadUsers.Clear();
                }

                state.State.ReadUsers.Add(outcome.Task.SubjectId);
            }

            // A worker knows only the users its own silo stored; the partition remembers the ones it read, so a user
            // that many pages refer to (the token's owner, a prolific maker) is read once per partition, not once
            // per page a silo without that knowledge commits.
            state.State.PendingUsers.UnionWith(
                outcome
                    .Discovered.Where(d => d.Kind == CrawlTaskKind.User && !state.State.ReadUsers.Contains(d.SubjectId))
                    .Select(d => d.SubjectId)
            );
        }

        foreach (var outcome in committed.Where(o => o.Task.Kind == CrawlTaskKind.CollectionPosts))
        {
            if (outcome.NextAfter is null)
            {
                state.State.CollectionCursors.Remove(outcome.Task.SubjectId);
            }
            else
            {
                state.State.CollectionCursors[outcome.Task.SubjectId] = outcome.NextAfter;
            }
        }

        foreach (var outcome in committed.Where(o => o.Task.Kind == CrawlTaskKind.PostComments))
        {
            state.State.CommentsRead += outcome.Nodes;
            var walks = outcome
                .Discovered.Where(d => d.Kind is CrawlTaskKind.CommentVotes or CrawlTaskKind.CommentReplies)
                .ToList();
            state.State.CommentWalks += walks.Count;
            state.State.CommentWalkPoints += walks.Sum(w =>
                (long)
                    new CrawlTask(
                        w.Kind,
                        w.SubjectId,
                        outcome.Task.SubjectId,
                        First: w.Count is > 0 and < CrawlTaskWorkItems.FullPage ? w.Count : null
                    ).Complexity()
            );
        }

        var byPost = committed.Where(o => o.Task.IsPostWork).GroupBy(o => PostOf(o.Task)).ToList();
        var remaining = await Task.WhenAll(byPost.Select(AdvancePostAsync));
        for (var i = 0; i < byPost.Count; i++)
        {
            if (remaining[i].HasWork)
            {
                state.State.PostWork[byPost[i].Key] = remaining[i];
            }
            else
            {
                state.State.PendingPosts.Remove(byPost[i].Key);
                state.State.PostWork.Remove(byPost[i].Key);
            }
        }

        state.State.UpdatedAt = timeProvider.GetUtcNow();
        await state.WriteStateAsync();
        return Progress();
    }

    /// <inheritdoc />
    public async Task<PartitionProgress> Unpark()
    {
        if (state.State.Parked)
        {
            state.State.Parked = false;
            state.State.ConsecutiveFailures = 0;
            state.State.UpdatedAt = timeProvider.GetUtcNow();
            await state.WriteStateAsync();
        }

        return Progress();
    }

    /// <inheritdoc />
    public Task<PartitionProgress> GetProgress() => Task.FromResult(Progress());

    private async Task<PostWorkLeft> AdvancePostAsync(IGrouping<long, TaskOutcome> outcomes)
    {
        var post = GrainFactory.GetGrain<IPostGrain>(outcomes.Key);
        var left = PostWorkLeft.None;
        foreach (var outcome in outcomes)
        {
            left = await post.Advance(outcome);
        }

        return left;
    }

    private static long PostOf(CrawlTask task) =>
        task.Kind is CrawlTaskKind.Post or CrawlTaskKind.PostComments or CrawlTaskKind.PostVotes
            ? task.SubjectId
            : task.ParentId;

    private async Task DiscoverAsync(CrawlTask root, IReadOnlyList<DiscoveredSubject> discovered)
    {
        foreach (var at in discovered.Select(d => d.At).OfType<DateTimeOffset>())
        {
            if (state.State.NewestPost is not { } newest || at > newest)
            {
                state.State.NewestPost = at;
            }
        }

        foreach (var collection in discovered.Where(d => d.Kind == CrawlTaskKind.CollectionPosts))
        {
            state.State.CollectionCursors.TryAdd(collection.SubjectId, null);
        }

        var posts = discovered
            .Where(d => d.Kind is CrawlTaskKind.PostComments or CrawlTaskKind.PostVotes)
            .GroupBy(d => d.SubjectId)
            .ToList();
        var observedAt = timeProvider.GetUtcNow();
        var left = await Task.WhenAll(
            posts.Select(post =>
                GrainFactory
                    .GetGrain<IPostGrain>(post.Key)
                    .Observe(
                        post.Where(d => d.Kind == CrawlTaskKind.PostComments).Sum(d => d.Count),
                        post.Where(d => d.Kind == CrawlTaskKind.PostVotes).Sum(d => d.Count),
                        observedAt,
                        // A lean window does not read launch instants: every post it lists counts as within.
                        root.RefreshCommentsFrom
                            is { } refreshFrom
                            && post.Any(d => d.At is not { } launched || launched >= refreshFrom),
                        readChanged: root.Lean
                    )
            )
        );
        for (var i = 0; i < posts.Count; i++)
        {
            if (!left[i].HasWork)
            {
                continue;
            }

            if (!state.State.PendingPosts.Contains(posts[i].Key))
            {
                state.State.PendingPosts.Add(posts[i].Key);
            }

            state.State.PostWork[posts[i].Key] = left[i];
        }
    }

    /// <summary>
    /// The pages its subjects with work left need: what its posts announce, with a walk for each of their unread
    /// comments in the share this partition's comments read so far opened, and a page per collection and user.
    /// </summary>
    private static long PendingPages(CrawlPartitionState s)
    {
        var walksPerComment = s.CommentsRead > 0 ? (double)s.CommentWalks / s.CommentsRead : 0;
        var posts = s.PendingPosts.Sum(p =>
            s.PostWork.GetValueOrDefault(p) is { } work
                ? work.Pages + Math.Round(work.UnreadComments * walksPerComment)
                : 1
        );
        return (long)posts + s.CollectionCursors.Count + s.PendingUsers.Count;
    }

    /// <summary>
    /// The complexity of <see cref="PendingPages"/>: what its posts announce, with the walks their unread comments are
    /// expected to open at the points such walks took so far, and a page per collection and user.
    /// </summary>
    private static long PendingPoints(CrawlPartitionState s)
    {
        var pointsPerComment = s.CommentsRead > 0 ? (double)s.CommentWalkPoints / s.CommentsRead : 0;
        var posts = s.PendingPosts.Sum(p =>
            s.PostWork.GetValueOrDefault(p) is { Points: > 0 } work
                ? work.Points + Math.Round(work.UnreadComments * pointsPerComment)
                : FullPageOf(CrawlTaskKind.PostVotes)
        );
        return (long)posts
            + (s.CollectionCursors.Count * FullPageOf(CrawlTaskKind.CollectionPosts))
            + (s.PendingUsers.Count * FullPageOf(CrawlTaskKind.User));
    }

    /// <summary>The complexity of a full page of a nested connection of <paramref name="kind"/>.</summary>
    private static long FullPageOf(CrawlTaskKind kind) => new CrawlTask(kind, 0, 0).Complexity();

    private PartitionProgress Progress()
    {
        var s = state.State;
        var status = s switch
        {
            { Parked: true } => PartitionStatus.Parked,
            { Root: null } => PartitionStatus.Pending,
            { RootExhausted: true, PendingPosts.Count: 0, CollectionCursors.Count: 0, PendingUsers.Count: 0 } =>
                PartitionStatus.Done,
            { Pages: 0 } => PartitionStatus.Pending,
            _ => PartitionStatus.Running,
        };
        return new PartitionProgress(
            Key,
            status,
            s.Root?.After,
            s.Pages,
            s.Nodes,
            s.PendingPosts.Count + s.CollectionCursors.Count + s.PendingUsers.Count,
            s.ConsecutiveFailures,
            s.LastError,
            s.UpdatedAt,
            s.NewestPost,
            s.NewestRow,
            s.RootExhausted,
            PendingPages(s),
            s.PendingPosts.Count + s.CollectionCursors.Count + s.PendingUsers.Count == 0
                ? 0
                : s.PendingPosts.Select(p => s.PostWork.GetValueOrDefault(p)?.Chain ?? 1).DefaultIfEmpty(1).Max(),
            s.Points,
            PendingPoints(s),
            s.Root is { } root ? root.Complexity() : 0
        );
    }
}
