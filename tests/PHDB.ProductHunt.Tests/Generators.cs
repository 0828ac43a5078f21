using System.Globalization;
using System.Text;
using CsCheck;
using PHDB.Domain;

namespace PHDB.ProductHunt.Tests;

/// <summary>Random work items of every kind, with every optional argument sometimes set.</summary>
internal static class Generators
{
    public static readonly Gen<string?> Cursor = Gen.Int[0, 400]
        .Select(n =>
            n == 0 ? null : Convert.ToBase64String(Encoding.ASCII.GetBytes(n.ToString(CultureInfo.InvariantCulture)))
        );

    public static readonly Gen<DateTimeOffset?> Instant = Gen.Int[0, 3000]
        .Select(d =>
            d == 0 ? (DateTimeOffset?)null : new DateTimeOffset(2014, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(d)
        );

    private static readonly Gen<int> First = Gen.Int[1, 20];

    private static readonly Gen<long> Id = Gen.Long[1, 5000];

    public static readonly Gen<WorkItem> Item = Gen.OneOf(
        Gen.Select(First, Cursor, Gen.Int[-1, 3], Gen.Int[-1, 1], Gen.Select(Instant, Instant), Gen.Bool)
            .Select(
                (first, after, order, featured, window, topic) =>
                    (WorkItem)
                        new PostsPage
                        {
                            First = first,
                            After = after,
                            Order = order < 0 ? null : (PostsOrder)order,
                            Featured = featured < 0 ? null : featured == 1,
                            PostedAfter = window.Item1,
                            PostedBefore = window.Item2,
                            Topic = topic ? "topic-slug" : null,
                        }
            ),
        Gen.Select(First, Cursor, Gen.Int[-1, 1], Gen.Bool)
            .Select(
                (first, after, order, query) =>
                    (WorkItem)
                        new TopicsPage
                        {
                            First = first,
                            After = after,
                            Order = order < 0 ? null : (TopicsOrder)order,
                            Query = query ? "ai" : null,
                        }
            ),
        Gen.Select(First, Cursor, Gen.Int[-1, 2], Gen.Int[-1, 1], Gen.Long[0, 50])
            .Select(
                (first, after, order, featured, id) =>
                    (WorkItem)
                        new CollectionsPage
                        {
                            First = first,
                            After = after,
                            Order = order < 0 ? null : (CollectionsOrder)order,
                            Featured = featured < 0 ? null : featured == 1,
                            PostId = id == 0 ? null : id,
                            UserId = id % 2 == 0 ? null : id,
                        }
            ),
        Gen.Select(Id, First, Cursor)
            .Select((id, first, after) => (WorkItem)new CollectionPostsPage(id) { First = first, After = after }),
        Gen.Select(Id, First, Cursor, Gen.Int[0, 5], Gen.Bool)
            .Select(
                (id, first, after, replies, votes) =>
                    (WorkItem)
                        new PostCommentsPage(id)
                        {
                            First = first,
                            After = after,
                            RepliesFirst = replies,
                            Order = votes ? CommentsOrder.VotesCount : null,
                        }
            ),
        Gen.Select(Id, Id, First, Cursor)
            .Select(
                (post, comment, first, after) =>
                    (WorkItem)new CommentRepliesPage(post, comment) { First = first, After = after }
            ),
        Gen.Select(Gen.Bool, Id, First, Cursor, Instant)
            .Select(
                (post, id, first, after, since) =>
                    (WorkItem)
                        new VotesPage(post ? VoteSubject.Post : VoteSubject.Comment, id)
                        {
                            First = first,
                            After = after,
                            CreatedAfter = since,
                        }
            ),
        Gen.Select(Id, Gen.Bool)
            .Select((id, slug) => (WorkItem)(slug ? new PostLookup(Slug: "some-post") : new PostLookup(id))),
        Gen.Select(Id, Gen.Bool)
            .Select((id, name) => (WorkItem)(name ? new UserLookup(Username: "someone") : new UserLookup(id))),
        Gen.Select(Id, Gen.Bool)
            .Select((id, slug) => (WorkItem)(slug ? new TopicLookup(Slug: "ai") : new TopicLookup(id))),
        Gen.Select(Id, Gen.Bool)
            .Select((id, slug) => (WorkItem)(slug ? new CollectionLookup(Slug: "c") : new CollectionLookup(id))),
        Id.Select(id => (WorkItem)new CommentLookup(id, 1))
    );

    /// <summary>One item of each kind with every optional argument set.</summary>
    public static IReadOnlyList<WorkItem> OneOfEachKind { get; } =
    [
        new PostsPage
        {
            First = 20,
            After = "MjA=",
            Order = PostsOrder.Newest,
            Featured = true,
            PostedAfter = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
            PostedBefore = new DateTimeOffset(2020, 2, 1, 0, 0, 0, TimeSpan.Zero),
            Topic = "ai",
        },
        new TopicsPage
        {
            First = 20,
            After = "MQ",
            Order = TopicsOrder.FollowersCount,
            Query = "a",
        },
        new CollectionsPage
        {
            After = "MQ==",
            Order = CollectionsOrder.FeaturedAt,
            Featured = true,
            PostId = 1,
            UserId = 2,
        },
        new CollectionPostsPage(1) { After = "MQ==" },
        new PostCommentsPage(1)
        {
            After = "MQ==",
            Order = CommentsOrder.VotesCount,
            RepliesFirst = 3,
        },
        new CommentRepliesPage(1, 2) { After = "MQ==", Order = CommentsOrder.Newest },
        new PostTalliesPage
        {
            First = 20,
            After = "MjA=",
            Order = PostsOrder.Newest,
            PostedAfter = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
        },
        new PostCommentTalliesPage(1) { First = 5, RepliesFirst = 2 },
        new PostCommentTalliesPage(1) { First = 5, RepliesFirst = 0 },
        new CommentReplyTalliesPage(1, 2) { First = 4, After = "MQ==" },
        new VotesPage(VoteSubject.Post, 1)
        {
            After = "MQ==",
            CreatedAfter = DateTimeOffset.UnixEpoch,
            CreatedBefore = DateTimeOffset.UnixEpoch.AddDays(1),
        },
        new VotesPage(VoteSubject.Comment, 1),
        new PostLookup(1),
        new PostLookup(Slug: "x"),
        new UserLookup(1),
        new UserLookup(Username: "x"),
        new TopicLookup(1),
        new TopicLookup(Slug: "x"),
        new CollectionLookup(1),
        new CollectionLookup(Slug: "x"),
        new CommentLookup(1, 1),
    ];
}
