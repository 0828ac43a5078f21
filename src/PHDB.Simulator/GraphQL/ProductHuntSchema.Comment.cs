using GraphQL;
using GraphQL.Utilities;
using PHDB.Simulator.World;

namespace PHDB.Simulator.GraphQL;

/// <content>Comment and vote fields.</content>
internal static partial class ProductHuntSchema
{
    private static void ConfigureCommentAndVote(SchemaBuilder builder)
    {
        const string T = "Comment";
        static CommentNode N(IResolveFieldContext c) => (CommentNode)c.Source!;

        Resolve(builder, T, "id", c => Id(RequestScope.Of(c).World.CommentId(N(c).Post, N(c).Ordinal)));
        Resolve(builder, T, "body", c => RequestScope.Of(c).World.CommentBody(N(c).Post, N(c).Ordinal));
        Resolve(
            builder,
            T,
            "url",
            c =>
            {
                var world = RequestScope.Of(c).World;
                return $"{ProductHuntWorld.Site}/posts/{world.PostSlug(N(c).Post)}?comment={world.CommentId(N(c).Post, N(c).Ordinal)}";
            }
        );
        Resolve(builder, T, "createdAt", c => RequestScope.Of(c).World.CommentCreatedAt(N(c).Post, N(c).Ordinal));
        Resolve(
            builder,
            T,
            "votesCount",
            c => RequestScope.Of(c).World.CommentVotesAt(N(c).Post, N(c).Ordinal, RequestScope.Of(c).Now)
        );
        Resolve(
            builder,
            T,
            "isVoted",
            c =>
                RequestScope.Of(c).Viewer is var v and >= 0
                && RequestScope.Of(c).World.HasVotedComment(v, N(c).Post, N(c).Ordinal, RequestScope.Of(c).Now)
        );
        Resolve(builder, T, "user", c => new UserNode(RequestScope.Of(c).World.CommentAuthor(N(c).Post, N(c).Ordinal)));
        Resolve(
            builder,
            T,
            "userId",
            c => VisibleUserId(RequestScope.Of(c), RequestScope.Of(c).World.CommentAuthor(N(c).Post, N(c).Ordinal))
        );
        Resolve(
            builder,
            T,
            "parent",
            c =>
                RequestScope.Of(c).World.CommentParent(N(c).Post, N(c).Ordinal) is var parent and >= 0
                    ? new CommentNode(N(c).Post, parent)
                    : null
        );
        Resolve(
            builder,
            T,
            "parentId",
            c =>
                RequestScope.Of(c).World.CommentParent(N(c).Post, N(c).Ordinal) is var parent and >= 0
                    ? Id(RequestScope.Of(c).World.CommentId(N(c).Post, parent))
                    : null
        );
        Resolve(
            builder,
            T,
            "replies",
            c =>
            {
                var scope = RequestScope.Of(c);
                var node = N(c);
                var list = CommentThreads.Replies(
                    scope.World,
                    node.Post,
                    node.Ordinal,
                    scope.Now,
                    ReadEnum(c, "order") == "VOTES_COUNT"
                );
                return Connection.Create(c, list.Length, i => new CommentNode(node.Post, list[i]));
            }
        );
        Resolve(
            builder,
            T,
            "votes",
            c =>
            {
                var scope = RequestScope.Of(c);
                var world = scope.World;
                var node = N(c);
                var commentId = world.CommentId(node.Post, node.Ordinal);
                var (lo, hi) = VoteRange(
                    c,
                    Timeline.CommentVoteOffset,
                    world.CommentFinalVotes(node.Post, node.Ordinal),
                    world.CommentVotesAt(node.Post, node.Ordinal, scope.Now),
                    world.CommentCreatedAt(node.Post, node.Ordinal)
                );
                return Connection.Create(
                    c,
                    hi - lo,
                    k =>
                    {
                        var i = hi - 1 - k;
                        return new VoteNode(
                            ProductHuntWorld.CommentVoteId(commentId, i),
                            world.CommentVoteCreatedAt(node.Post, node.Ordinal, i),
                            world.CommentVoter(commentId, i)
                        );
                    }
                );
            }
        );

        Resolve(builder, "Vote", "id", c => Id(((VoteNode)c.Source!).Id));
        Resolve(builder, "Vote", "createdAt", c => ((VoteNode)c.Source!).CreatedAt);
        Resolve(builder, "Vote", "user", c => new UserNode(((VoteNode)c.Source!).UserIndex));
        Resolve(builder, "Vote", "userId", c => VisibleUserId(RequestScope.Of(c), ((VoteNode)c.Source!).UserIndex));
    }
}
