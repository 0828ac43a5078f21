using PHDB.Domain;
using PHDB.ProductHunt;

namespace PHDB.Grains.Harvest;

/// <summary>Translates crawl tasks into the client's work items and page results into what they revealed.</summary>
public static class CrawlTaskWorkItems
{
    /// <summary>The API's largest page, asked when a connection's count says nothing smaller.</summary>
    public const int FullPage = PageWorkItem.FullPage;

    /// <summary>The client's page request for <paramref name="task"/> at its cursor.</summary>
    public static WorkItem ToWorkItem(this CrawlTask task) =>
        task.Kind switch
        {
            CrawlTaskKind.PostsWindow when task.Lean => new PostTalliesPage
            {
                Order = PostsOrder.Newest,
                PostedAfter = task.From,
                PostedBefore = task.To,
                After = task.After,
            },
            CrawlTaskKind.PostsWindow => new PostsPage
            {
                Order = PostsOrder.Newest,
                PostedAfter = task.From,
                PostedBefore = task.To,
                After = task.After,
            },
            CrawlTaskKind.Topics => new TopicsPage { Order = TopicsOrder.Newest, After = task.After },
            CrawlTaskKind.Collections => new CollectionsPage { Order = CollectionsOrder.Newest, After = task.After },
            CrawlTaskKind.PostComments when task.Lean => new PostCommentTalliesPage(task.SubjectId)
            {
                After = task.After,
                First = task.First ?? FullPage,
                // Each thread's count only, as for a whole page: a thread with replies is a lean page of its own.
                RepliesFirst = 0,
            },
            CrawlTaskKind.PostComments => new PostCommentsPage(task.SubjectId)
            {
                After = task.After,
                First = task.First ?? FullPage,
                // Each thread's count only: a thread with replies is read as its own page, sized to its count. Nested
                // replies would be charged on every comment, most of which have none.
                RepliesFirst = 0,
            },
            CrawlTaskKind.CommentReplies when task.Lean => new CommentReplyTalliesPage(task.ParentId, task.SubjectId)
            {
                After = task.After,
                First = task.First ?? FullPage,
            },
            CrawlTaskKind.CommentReplies => new CommentRepliesPage(task.ParentId, task.SubjectId)
            {
                After = task.After,
                First = task.First ?? FullPage,
            },
            CrawlTaskKind.PostVotes => new VotesPage(VoteSubject.Post, task.SubjectId)
            {
                After = task.After,
                First = task.First ?? FullPage,
                CreatedAfter = task.VotesAfter,
            },
            CrawlTaskKind.CommentVotes => new VotesPage(VoteSubject.Comment, task.SubjectId)
            {
                After = task.After,
                First = task.First ?? FullPage,
            },
            CrawlTaskKind.CollectionPosts => new CollectionPostsPage(task.SubjectId) { After = task.After },
            CrawlTaskKind.User => new UserLookup(Id: task.SubjectId),
            CrawlTaskKind.Post => new PostLookup(Id: task.SubjectId),
            CrawlTaskKind.Comment => new CommentLookup(task.SubjectId, task.ParentId),
            _ => throw new ArgumentOutOfRangeException(nameof(task), task.Kind, "Unknown crawl task kind."),
        };

    /// <summary>The complexity a page of <paramref name="task"/> adds to a request, at the size it asks for.</summary>
    public static int Complexity(this CrawlTask task) => WorkItemComplexity.Of(task.ToWorkItem());

    /// <summary>
    /// The cursor to continue <paramref name="task"/>'s connection from after <paramref name="result"/>, or null when
    /// it is exhausted (always after the first page of a check).
    /// </summary>
    public static string? NextAfter(this CrawlTask task, WorkResult result) =>
        task.NewestPageOnly ? null : (result.Next as PageWorkItem)?.After;

    /// <summary>
    /// The rows <paramref name="task"/>'s page held: the connection's nodes, and for comments the replies read with
    /// them (a post's comment count covers its replies).
    /// </summary>
    public static int Rows(this CrawlTask task, WorkResult result) =>
        task.Kind is CrawlTaskKind.PostComments or CrawlTaskKind.CommentReplies
            ? result.Batch.Comments.Count + result.CommentTallies.Count
            : result.NodeCount;

    /// <summary>
    /// The newest <c>createdAt</c> among the rows of <paramref name="task"/>'s own connection in the page (posts,
    /// topics, collections, a post's votes).
    /// </summary>
    public static DateTimeOffset? NewestRow(this CrawlTask task, WorkResult result)
    {
        var batch = result.Batch;
        IEnumerable<DateTimeOffset> created = task.Kind switch
        {
            CrawlTaskKind.PostsWindow => batch.Posts.Select(p => p.CreatedAt),
            CrawlTaskKind.Topics => batch.Topics.Select(t => t.CreatedAt).OfType<DateTimeOffset>(),
            CrawlTaskKind.Collections => batch.Collections.Select(c => c.CreatedAt),
            CrawlTaskKind.PostVotes => batch.Votes.Select(v => v.CreatedAt),
            _ => [],
        };
        return created.Select(c => (DateTimeOffset?)c).Max();
    }

    /// <summary>
    /// The nested connections a page of <paramref name="task"/> revealed, and the disclosed users it referred to
    /// whose profiles are neither in the page nor stored already (<paramref name="isStored"/>).
    /// </summary>
    public static IReadOnlyList<DiscoveredSubject> Discovered(
        this CrawlTask task,
        WorkResult result,
        Func<long, bool> isStored
    )
    {
        var found = new List<DiscoveredSubject>();
        var batch = result.Batch;
        var referred = batch
            .Posts.SelectMany(p => p.Makers.Append(p.Hunter))
            .Concat(batch.Comments.Select(c => c.Author))
            .Concat(batch.Votes.Select(v => v.Voter))
            .Concat(batch.Collections.Select(c => c.Curator))
            .Where(u => u.Id is not null)
            .Select(u => u.Id!.Value)
            .Except(batch.Users.Select(u => u.Id))
            .Where(id => !isStored(id))
            .Distinct();
        found.AddRange(referred.Select(id => new DiscoveredSubject(CrawlTaskKind.User, id)));
        switch (task.Kind)
        {
            case CrawlTaskKind.PostsWindow when task.Lean:
                foreach (var tally in result.PostTallies)
                {
                    found.Add(new DiscoveredSubject(CrawlTaskKind.PostComments, tally.Id, Count: tally.CommentsCount));
                    found.Add(new DiscoveredSubject(CrawlTaskKind.PostVotes, tally.Id, Count: tally.VotesCount));
                }

                break;
            case CrawlTaskKind.PostsWindow:
                foreach (var post in result.Batch.Posts)
                {
                    found.Add(
                        new DiscoveredSubject(
                            CrawlTaskKind.PostComments,
                            post.Id,
                            Count: post.CommentsCount,
                            At: post.CreatedAt
                        )
                    );
                    found.Add(
                        new DiscoveredSubject(
                            CrawlTaskKind.PostVotes,
                            post.Id,
                            Count: post.VotesCount,
                            At: post.CreatedAt
                        )
                    );
                }

                break;
            case CrawlTaskKind.Collections when !task.NewestPageOnly:
                found.AddRange(
                    result.Batch.Collections.Select(c => new DiscoveredSubject(CrawlTaskKind.CollectionPosts, c.Id))
                );
                break;
            case CrawlTaskKind.PostComments or CrawlTaskKind.CommentReplies:
                found.AddRange(
                    result
                        .Batch.Comments.Select(c => new CommentTally(c.Id, c.PostId, c.VotesCount))
                        .Concat(result.CommentTallies)
                        .Where(c => c.VotesCount > 0)
                        .Select(c => new DiscoveredSubject(
                            CrawlTaskKind.CommentVotes,
                            c.Id,
                            c.PostId,
                            Count: c.VotesCount
                        ))
                );
                foreach (var thread in result.FollowUps.OfType<PageWorkItem>())
                {
                    var (post, comment) = thread switch
                    {
                        CommentRepliesPage r => (r.PostId, r.CommentId),
                        CommentReplyTalliesPage t => (t.PostId, t.CommentId),
                        _ => (0L, 0L),
                    };
                    if (comment != 0)
                    {
                        // A thread only counted so far: its count sizes its first page.
                        found.Add(
                            new DiscoveredSubject(
                                CrawlTaskKind.CommentReplies,
                                comment,
                                post,
                                thread.After,
                                Count: thread.After is null ? thread.First : 0
                            )
                        );
                    }
                }
                break;
        }

        return found;
    }
}
