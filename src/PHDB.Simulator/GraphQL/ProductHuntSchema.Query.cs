using GraphQL;
using GraphQL.Utilities;
using PHDB.Simulator.World;

namespace PHDB.Simulator.GraphQL;

/// <content>The query root.</content>
internal static partial class ProductHuntSchema
{
    private static void ConfigureQuery(SchemaBuilder builder)
    {
        Resolve(
            builder,
            "Query",
            "post",
            c =>
            {
                var scope = RequestScope.Of(c);
                var world = scope.World;
                var index =
                    ReadId(c, "id") is long id ? world.PostIndexOfId(id)
                    : c.GetArgument<string?>("slug") is string slug ? world.PostIndexOfSlug(slug)
                    : -1;
                return world.IsPostVisible(index, scope.Now) ? new PostNode(index) : null;
            }
        );

        Resolve(
            builder,
            "Query",
            "posts",
            c =>
            {
                var scope = RequestScope.Of(c);
                var featured = c.GetArgument<bool?>("featured") == true;
                var after = c.GetArgument<DateTimeOffset?>("postedAfter");
                var before = c.GetArgument<DateTimeOffset?>("postedBefore");
                var topicSlug = c.GetArgument<string?>("topic");
                var topic =
                    topicSlug is null ? PostFilter.NoTopic
                    : scope.World.TopicBySlug.TryGetValue(topicSlug.ToLowerInvariant(), out var t) ? t
                    : PostFilter.UnknownTopic;
                var order = ReadEnum(c, "order") switch
                {
                    "FEATURED_AT" => PostsOrder.FeaturedAt,
                    "NEWEST" => PostsOrder.Newest,
                    "VOTES" => PostsOrder.Votes,
                    _ => PostsOrder.Ranking,
                };
                var filter = new PostFilter(
                    featured,
                    after is DateTimeOffset a ? SimInstant.Ceiling(a) : null,
                    before is DateTimeOffset b ? SimInstant.Floor(b) : null,
                    topic,
                    c.GetArgument<string?>("url"),
                    c.GetArgument<string?>("twitterUrl"),
                    order
                );
                var list = scope.State.Listing.List(filter, scope.Now);
                return Connection.Create(c, list.Length, i => new PostNode(list[i]));
            }
        );

        Resolve(
            builder,
            "Query",
            "topic",
            c =>
            {
                var world = RequestScope.Of(c).World;
                var index =
                    ReadId(c, "id") is long id ? world.TopicIndexOfId(id)
                    : c.GetArgument<string?>("slug") is string slug
                    && world.TopicBySlug.TryGetValue(slug.ToLowerInvariant(), out var t)
                        ? t
                    : -1;
                return index >= 0 ? new TopicNode(index) : null;
            }
        );

        Resolve(
            builder,
            "Query",
            "topics",
            c =>
            {
                var scope = RequestScope.Of(c);
                var world = scope.World;
                var query = c.GetArgument<string?>("query");
                var followedBy = ReadId(c, "followedByUserid") is long userId
                    ? world.UserIndexOfId(userId)
                    : (int?)null;
                IEnumerable<int> topics = Enumerable
                    .Range(0, world.Topics.Length)
                    .Where(t => world.Topics[t].CreatedAt <= scope.Now);
                if (query is not null)
                {
                    topics = topics.Where(t =>
                        world.Topics[t].Name.Contains(query, StringComparison.OrdinalIgnoreCase)
                    );
                }

                if (followedBy is int follower)
                {
                    topics = follower < 0 ? [] : topics.Where(t => world.FollowsTopic(follower, t));
                }

                var list = (
                    ReadEnum(c, "order") == "FOLLOWERS_COUNT"
                        ? topics.OrderByDescending(t => world.Topics[t].Followers).ThenByDescending(t => t)
                        : topics.OrderByDescending(t => world.Topics[t].CreatedAt).ThenByDescending(t => t)
                ).ToArray();
                return Connection.Create(c, list.Length, i => new TopicNode(list[i]));
            }
        );

        Resolve(
            builder,
            "Query",
            "collection",
            c =>
            {
                var scope = RequestScope.Of(c);
                var world = scope.World;
                var index =
                    ReadId(c, "id") is long id ? world.CollectionIndexOfId(id)
                    : c.GetArgument<string?>("slug") is string slug ? world.CollectionIndexOfSlug(slug)
                    : -1;
                return world.IsCollectionVisible(index, scope.Now) ? new CollectionNode(index) : null;
            }
        );

        Resolve(
            builder,
            "Query",
            "collections",
            c =>
            {
                var scope = RequestScope.Of(c);
                var world = scope.World;
                var featured = c.GetArgument<bool?>("featured") == true;
                var post = ReadId(c, "postId") is long postId
                    ? (world.PostIndexOfId(postId) is var p && p >= 0 ? p : -2)
                    : -1;
                var user = ReadId(c, "userId") is long userId
                    ? (world.UserIndexOfId(userId) is var u && u < 0 ? -2 : u)
                    : -1;
                var order = ReadEnum(c, "order") ?? "FOLLOWERS_COUNT";
                var list = scope.State.CollectionListings.GetOrAdd(
                    (featured, post, user, order, scope.Now),
                    key => ListCollections(world, key)
                );
                if (scope.State.CollectionListings.Count > 256)
                {
                    scope.State.CollectionListings.Clear();
                }

                return Connection.Create(c, list.Length, i => new CollectionNode(list[i]));
            }
        );

        Resolve(
            builder,
            "Query",
            "comment",
            c =>
            {
                var scope = RequestScope.Of(c);
                return
                    ReadId(c, "id") is long id
                    && scope.World.TryFindComment(id, out var post, out var ordinal)
                    && scope.World.IsCommentVisible(post, ordinal, scope.Now)
                    ? new CommentNode(post, ordinal)
                    : null;
            }
        );

        Resolve(
            builder,
            "Query",
            "user",
            c =>
            {
                var world = RequestScope.Of(c).World;
                var index =
                    ReadId(c, "id") is long id ? world.UserIndexOfId(id)
                    : c.GetArgument<string?>("username") is string username ? world.UserIndexOfUsername(username)
                    : -1;
                return index >= 0 ? new UserNode(index) : null;
            }
        );

        Resolve(
            builder,
            "Query",
            "viewer",
            c => RequestScope.Of(c).Viewer is var viewer and >= 0 ? new ViewerNode(viewer) : null
        );
        Resolve(builder, "Viewer", "user", c => new UserNode(((ViewerNode)c.Source!).UserIndex));
    }

    private static int[] ListCollections(
        ProductHuntWorld world,
        (bool Featured, int Post, int User, string Order, int Now) key
    )
    {
        if (key.Post == -2 || key.User == -2)
        {
            return [];
        }

        IEnumerable<int> source =
            key.Post >= 0 ? world.CollectionsOfPost(key.Post).ToArray() : Enumerable.Range(0, world.Collections.Length);
        var list = source
            .Where(c =>
                world.IsCollectionVisible(c, key.Now)
                && (!key.Featured || world.CollectionFeaturedAtAsOf(c, key.Now) != 0)
                && (key.User < 0 || world.Collections[c].UserIndex == key.User)
            )
            .ToArray();
        return key.Order switch
        {
            "NEWEST" => [.. list.OrderByDescending(c => world.Collections[c].CreatedAt).ThenByDescending(c => c)],
            "FEATURED_AT" =>
            [
                .. list.OrderBy(c => world.CollectionFeaturedAtAsOf(c, key.Now) == 0)
                    .ThenByDescending(c => world.CollectionFeaturedAtAsOf(c, key.Now))
                    .ThenByDescending(c => c),
            ],
            _ => [.. list.OrderByDescending(c => world.Collections[c].Followers).ThenByDescending(c => c)],
        };
    }

    private static void ConfigureMutation(SchemaBuilder builder)
    {
        foreach (var field in new[] { "userFollow", "userFollowUndo" })
        {
            Resolve(
                builder,
                "Mutation",
                field,
                c =>
                {
                    var input = c.GetArgument<Dictionary<string, object?>>("input");
                    var world = RequestScope.Of(c).World;
                    var target =
                        input.TryGetValue("userId", out var raw)
                        && long.TryParse(
                            Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture),
                            out var id
                        )
                            ? world.UserIndexOfId(id)
                            : -1;
                    return new FollowPayload(
                        input.GetValueOrDefault("clientMutationId") as string,
                        target >= 0 ? new UserNode(target) : null
                    );
                }
            );
        }

        foreach (var payload in new[] { "UserFollowPayload", "UserFollowUndoPayload" })
        {
            Resolve(builder, payload, "clientMutationId", c => ((FollowPayload)c.Source!).ClientMutationId);
            Resolve(builder, payload, "errors", c => Array.Empty<object>());
            Resolve(builder, payload, "node", c => ((FollowPayload)c.Source!).Node);
        }

        Resolve(builder, "Error", "field", c => "");
        Resolve(builder, "Error", "message", c => "");
    }
}
