using GraphQL;
using GraphQL.Utilities;
using PHDB.Simulator.World;

namespace PHDB.Simulator.GraphQL;

/// <content>Topic and collection fields.</content>
internal static partial class ProductHuntSchema
{
    private static void ConfigureTopicAndCollection(SchemaBuilder builder)
    {
        static TopicRecord Topic(IResolveFieldContext c) =>
            RequestScope.Of(c).World.Topics[((TopicNode)c.Source!).Index];

        Resolve(builder, "Topic", "id", c => Id(Topic(c).Id));
        Resolve(builder, "Topic", "name", c => Topic(c).Name);
        Resolve(builder, "Topic", "slug", c => Topic(c).Slug);
        Resolve(builder, "Topic", "description", c => ProductCopy.TopicDescription(((TopicNode)c.Source!).Index));
        Resolve(builder, "Topic", "url", c => $"{ProductHuntWorld.Site}/topics/{Topic(c).Slug}");
        Resolve(builder, "Topic", "createdAt", c => Topic(c).CreatedAt);
        Resolve(builder, "Topic", "followersCount", c => Topic(c).Followers);
        Resolve(
            builder,
            "Topic",
            "postsCount",
            c => RequestScope.Of(c).World.TopicPostsCountAt(((TopicNode)c.Source!).Index, RequestScope.Of(c).Now)
        );
        Resolve(
            builder,
            "Topic",
            "isFollowing",
            c =>
                RequestScope.Of(c).Viewer is var v and >= 0
                && RequestScope.Of(c).World.FollowsTopic(v, ((TopicNode)c.Source!).Index)
        );
        Resolve(
            builder,
            "Topic",
            "image",
            c =>
                ProductHuntWorld.ImageUrl(
                    $"https://ph-files.imgix.net/topic-{Topic(c).Slug}.png",
                    c.GetArgument<int?>("height"),
                    c.GetArgument<int?>("width")
                )
        );

        const string T = "Collection";
        static int C(IResolveFieldContext c) => ((CollectionNode)c.Source!).Index;

        Resolve(builder, T, "id", c => Id(RequestScope.Of(c).World.Collections[C(c)].Id));
        Resolve(builder, T, "name", c => RequestScope.Of(c).World.CollectionName(C(c)));
        Resolve(builder, T, "tagline", c => RequestScope.Of(c).World.CollectionTagline(C(c)));
        Resolve(builder, T, "description", c => RequestScope.Of(c).World.CollectionDescription(C(c)));
        Resolve(
            builder,
            T,
            "url",
            c =>
            {
                var scope = RequestScope.Of(c);
                var owner = scope.World.Collections[C(c)].UserIndex;
                var handle = scope.Reveals(owner) ? scope.World.Username(owner) : "producthunt";
                return $"{ProductHuntWorld.Site}/@{handle}/collections/{scope.World.CollectionSlug(C(c))}";
            }
        );
        Resolve(builder, T, "createdAt", c => RequestScope.Of(c).World.Collections[C(c)].CreatedAt);
        Resolve(
            builder,
            T,
            "featuredAt",
            c =>
                RequestScope.Of(c).World.CollectionFeaturedAtAsOf(C(c), RequestScope.Of(c).Now) is var f and not 0
                    ? f
                    : null
        );
        Resolve(builder, T, "followersCount", c => RequestScope.Of(c).World.Collections[C(c)].Followers);
        Resolve(
            builder,
            T,
            "isFollowing",
            c => RequestScope.Of(c).Viewer is var v and >= 0 && RequestScope.Of(c).World.FollowsCollection(v, C(c))
        );
        Resolve(
            builder,
            T,
            "coverImage",
            c =>
                ProductHuntWorld.ImageUrl(
                    $"https://ph-files.imgix.net/collection-{RequestScope.Of(c).World.Collections[C(c)].Id}.jpeg",
                    c.GetArgument<int?>("height"),
                    c.GetArgument<int?>("width")
                )
        );
        Resolve(builder, T, "user", c => new UserNode(RequestScope.Of(c).World.Collections[C(c)].UserIndex));
        Resolve(
            builder,
            T,
            "userId",
            c => VisibleUserId(RequestScope.Of(c), RequestScope.Of(c).World.Collections[C(c)].UserIndex)
        );
        Resolve(
            builder,
            T,
            "posts",
            c =>
            {
                var scope = RequestScope.Of(c);
                var world = scope.World;
                var list = world
                    .PostsOfCollection(C(c))
                    .ToArray()
                    .Where(p => world.IsPostVisible(p, scope.Now))
                    .OrderByDescending(p => world.PostVotesAt(p, scope.Now))
                    .ThenByDescending(p => p)
                    .ToArray();
                return Connection.Create(c, list.Length, i => new PostNode(list[i]));
            }
        );
        Resolve(
            builder,
            T,
            "topics",
            c =>
            {
                var world = RequestScope.Of(c).World;
                var counts = new Dictionary<int, int>();
                foreach (var post in world.PostsOfCollection(C(c)))
                {
                    foreach (var topic in world.TopicsOf(post))
                    {
                        counts[topic] = counts.GetValueOrDefault(topic) + 1;
                    }
                }

                var list = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key).ToArray();
                return Connection.Create(c, list.Length, i => new TopicNode(list[i]));
            }
        );
    }
}
