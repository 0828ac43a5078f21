using GraphQL;
using GraphQL.Utilities;
using PHDB.Simulator.World;

namespace PHDB.Simulator.GraphQL;

/// <content>Post fields.</content>
internal static partial class ProductHuntSchema
{
    private static void ConfigurePost(SchemaBuilder builder)
    {
        const string T = "Post";
        static int P(IResolveFieldContext c) => ((PostNode)c.Source!).Index;

        Resolve(builder, T, "id", c => Id(RequestScope.Of(c).World.Posts[P(c)].Id));
        Resolve(builder, T, "name", c => RequestScope.Of(c).World.PostName(P(c)));
        Resolve(builder, T, "slug", c => RequestScope.Of(c).World.PostSlug(P(c)));
        Resolve(builder, T, "tagline", c => RequestScope.Of(c).World.PostTagline(P(c), RequestScope.Of(c).Now));
        Resolve(builder, T, "description", c => RequestScope.Of(c).World.PostDescription(P(c), RequestScope.Of(c).Now));
        Resolve(
            builder,
            T,
            "url",
            c =>
            {
                var scope = RequestScope.Of(c);
                return $"{ProductHuntWorld.Site}/posts/{scope.World.PostSlug(P(c))}?{scope.Grant.Application.UtmQuery}";
            }
        );
        Resolve(
            builder,
            T,
            "website",
            c =>
            {
                var scope = RequestScope.Of(c);
                return $"{ProductHuntWorld.Site}/r/{scope.World.PostRedirectCode(P(c))}?{scope.Grant.Application.UtmQuery}";
            }
        );
        Resolve(
            builder,
            T,
            "commentsCount",
            c => RequestScope.Of(c).World.PostCommentsAt(P(c), RequestScope.Of(c).Now)
        );
        Resolve(builder, T, "votesCount", c => RequestScope.Of(c).World.PostVotesAt(P(c), RequestScope.Of(c).Now));
        Resolve(builder, T, "reviewsCount", c => RequestScope.Of(c).World.ReviewsCount(P(c)));
        Resolve(builder, T, "reviewsRating", c => RequestScope.Of(c).World.ReviewsRating(P(c)));
        Resolve(builder, T, "createdAt", c => RequestScope.Of(c).World.Posts[P(c)].ScheduledAt);
        Resolve(
            builder,
            T,
            "featuredAt",
            c => RequestScope.Of(c).World.FeaturedAtAsOf(P(c), RequestScope.Of(c).Now) is var f and not 0 ? f : null
        );
        Resolve(
            builder,
            T,
            "isCollected",
            c =>
            {
                var scope = RequestScope.Of(c);
                if (scope.Viewer < 0)
                {
                    return false;
                }

                foreach (var collection in scope.World.CollectionsOfPost(P(c)))
                {
                    if (
                        scope.World.Collections[collection].UserIndex == scope.Viewer
                        && scope.World.IsCollectionVisible(collection, scope.Now)
                    )
                    {
                        return true;
                    }
                }

                return false;
            }
        );
        Resolve(
            builder,
            T,
            "isVoted",
            c =>
            {
                var scope = RequestScope.Of(c);
                return scope.Viewer >= 0 && scope.World.PostVoteOrdinalOf(scope.Viewer, P(c), scope.Now) >= 0;
            }
        );
        Resolve(builder, T, "user", c => new UserNode(RequestScope.Of(c).World.Posts[P(c)].HunterIndex));
        Resolve(
            builder,
            T,
            "userId",
            c => VisibleUserId(RequestScope.Of(c), RequestScope.Of(c).World.Posts[P(c)].HunterIndex)
        );
        Resolve(
            builder,
            T,
            "makers",
            c => RequestScope.Of(c).World.MakersOf(P(c)).ToArray().Select(m => new UserNode(m)).ToArray()
        );
        Resolve(
            builder,
            T,
            "media",
            c =>
            {
                var world = RequestScope.Of(c).World;
                var index = P(c);
                var media = new MediaNode[world.PostMediaCount(index)];
                for (var k = 0; k < media.Length; k++)
                {
                    var (type, url, video) = world.PostMedia(index, k);
                    media[k] = new MediaNode(type, url, video);
                }

                return media;
            }
        );
        Resolve(
            builder,
            T,
            "thumbnail",
            c => RequestScope.Of(c).World.PostThumbnail(P(c)) is string url ? new MediaNode("image", url, null) : null
        );
        Resolve(
            builder,
            T,
            "productLinks",
            c =>
            {
                var world = RequestScope.Of(c).World;
                var index = P(c);
                var links = new ProductLinkNode[world.PostLinkCount(index)];
                for (var k = 0; k < links.Length; k++)
                {
                    var (type, url) = world.PostProductLink(index, k);
                    links[k] = new ProductLinkNode(type, url);
                }

                return links;
            }
        );
        Resolve(
            builder,
            T,
            "topics",
            c =>
            {
                var topics = RequestScope.Of(c).World.TopicsOf(P(c)).ToArray();
                return Connection.Create(c, topics.Length, i => new TopicNode(topics[i]));
            }
        );
        Resolve(
            builder,
            T,
            "collections",
            c =>
            {
                var scope = RequestScope.Of(c);
                var list = scope
                    .World.CollectionsOfPost(P(c))
                    .ToArray()
                    .Where(x => scope.World.IsCollectionVisible(x, scope.Now))
                    .Reverse()
                    .ToArray();
                return Connection.Create(c, list.Length, i => new CollectionNode(list[i]));
            }
        );
        Resolve(
            builder,
            T,
            "comments",
            c =>
            {
                var scope = RequestScope.Of(c);
                var post = P(c);
                var list = CommentThreads.TopLevel(scope.World, post, scope.Now, ReadEnum(c, "order") == "VOTES_COUNT");
                return Connection.Create(c, list.Length, i => new CommentNode(post, list[i]));
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
                var post = P(c);
                ref readonly var record = ref world.Posts[post];
                var (lo, hi) = VoteRange(
                    c,
                    world.PostVoteOffsets(post),
                    record.FinalVotes,
                    world.PostVotesAt(post, scope.Now),
                    record.ScheduledAt
                );
                return Connection.Create(
                    c,
                    hi - lo,
                    k =>
                    {
                        var i = hi - 1 - k;
                        return new VoteNode(
                            world.PostVoteId(post, i),
                            world.PostVoteCreatedAt(post, i),
                            world.PostVoter(post, i)
                        );
                    }
                );
            }
        );

        Resolve(builder, "Media", "type", c => ((MediaNode)c.Source!).Type);
        Resolve(
            builder,
            "Media",
            "url",
            c =>
                ProductHuntWorld.ImageUrl(
                    ((MediaNode)c.Source!).BaseUrl,
                    c.GetArgument<int?>("height"),
                    c.GetArgument<int?>("width")
                )
        );
        Resolve(builder, "Media", "videoUrl", c => ((MediaNode)c.Source!).VideoUrl);
        Resolve(builder, "ProductLink", "type", c => ((ProductLinkNode)c.Source!).Type);
        Resolve(builder, "ProductLink", "url", c => ((ProductLinkNode)c.Source!).Url);
    }

    /// <summary>The ordinal range [lo, hi) of votes visible now and inside the createdAfter/createdBefore bounds.</summary>
    private static (int Lo, int Hi) VoteRange(
        IResolveFieldContext c,
        Func<int, int, int> offset,
        int final,
        int visible,
        int origin
    )
    {
        var lo = 0;
        var hi = visible;
        if (c.GetArgument<DateTimeOffset?>("createdAfter") is DateTimeOffset after)
        {
            lo = Timeline.FirstAtOrAfter(offset, final, (long)SimInstant.Ceiling(after) - origin);
        }

        if (c.GetArgument<DateTimeOffset?>("createdBefore") is DateTimeOffset before)
        {
            hi = Math.Min(hi, Timeline.CountAt(offset, final, (long)SimInstant.Floor(before) - origin));
        }

        return (lo, Math.Max(lo, hi));
    }

    private static string VisibleUserId(RequestScope scope, int user) =>
        scope.Reveals(user) ? Id(scope.World.UserId(user)) : "0";
}
