using GraphQL;
using GraphQL.Utilities;

namespace PHDB.Simulator.GraphQL;

/// <content>User fields, with redaction of every user but the token's owner.</content>
internal static partial class ProductHuntSchema
{
    private const string Redacted = "[REDACTED]";

    private static void ConfigureUser(SchemaBuilder builder)
    {
        const string T = "User";
        static int U(IResolveFieldContext c) => ((UserNode)c.Source!).Index;
        static bool Shown(IResolveFieldContext c) => RequestScope.Of(c).Reveals(U(c));

        Resolve(builder, T, "id", c => VisibleUserId(RequestScope.Of(c), U(c)));
        Resolve(builder, T, "name", c => Shown(c) ? RequestScope.Of(c).World.UserDisplayName(U(c)) : Redacted);
        Resolve(builder, T, "username", c => Shown(c) ? RequestScope.Of(c).World.Username(U(c)) : Redacted);
        Resolve(builder, T, "url", c => Shown(c) ? RequestScope.Of(c).World.UserUrl(U(c)) : Redacted);
        Resolve(builder, T, "headline", c => RequestScope.Of(c).World.UserHeadline(U(c)));
        Resolve(
            builder,
            T,
            "twitterUsername",
            c => Shown(c) ? RequestScope.Of(c).World.UserTwitterUsername(U(c)) : null
        );
        Resolve(builder, T, "websiteUrl", c => Shown(c) ? RequestScope.Of(c).World.UserWebsiteUrl(U(c)) : null);
        Resolve(builder, T, "createdAt", c => RequestScope.Of(c).World.UserCreatedAt(U(c)));
        Resolve(
            builder,
            T,
            "profileImage",
            c => Shown(c) ? RequestScope.Of(c).World.UserProfileImage(U(c), c.GetArgument<int?>("size")) : null
        );
        Resolve(
            builder,
            T,
            "coverImage",
            c =>
                RequestScope
                    .Of(c)
                    .World.UserCoverImage(U(c), c.GetArgument<int?>("height"), c.GetArgument<int?>("width"))
        );
        Resolve(builder, T, "isMaker", c => Shown(c) && RequestScope.Of(c).World.IsMaker(U(c)));
        Resolve(builder, T, "isViewer", c => RequestScope.Of(c).Viewer == U(c));
        Resolve(builder, T, "isFollowing", c => false);
        Resolve(
            builder,
            T,
            "madePosts",
            c =>
            {
                if (!Shown(c))
                {
                    return Connection.Create(c, 0, _ => null!);
                }

                var scope = RequestScope.Of(c);
                var user = U(c);
                var list = PostsWhere(scope, p => scope.World.MakersOf(p).Contains(user));
                return Connection.Create(c, list.Length, i => new PostNode(list[i]));
            }
        );
        Resolve(
            builder,
            T,
            "submittedPosts",
            c =>
            {
                var scope = RequestScope.Of(c);
                var user = U(c);
                var list = PostsWhere(scope, p => scope.World.Posts[p].HunterIndex == user);
                return Connection.Create(c, list.Length, i => new PostNode(list[i]));
            }
        );
        Resolve(
            builder,
            T,
            "votedPosts",
            c =>
            {
                var scope = RequestScope.Of(c);
                var world = scope.World;
                var user = U(c);
                var voted = new List<(int VotedAt, int Post)>();
                var visible = world.VisiblePostCount(scope.Now);
                for (var p = 0; p < visible; p++)
                {
                    var ordinal = world.PostVoteOrdinalOf(user, p, scope.Now);
                    if (ordinal >= 0)
                    {
                        voted.Add((world.PostVoteCreatedAt(p, ordinal), p));
                    }
                }

                var list = voted
                    .OrderByDescending(v => v.VotedAt)
                    .ThenByDescending(v => v.Post)
                    .Select(v => v.Post)
                    .ToArray();
                return Connection.Create(c, list.Length, i => new PostNode(list[i]));
            }
        );
        Resolve(
            builder,
            T,
            "followedCollections",
            c =>
            {
                var scope = RequestScope.Of(c);
                var world = scope.World;
                var user = U(c);
                var list = Enumerable
                    .Range(0, world.Collections.Length)
                    .Where(x => world.IsCollectionVisible(x, scope.Now) && world.FollowsCollection(user, x))
                    .Reverse()
                    .ToArray();
                return Connection.Create(c, list.Length, i => new CollectionNode(list[i]));
            }
        );
        Resolve(
            builder,
            T,
            "followers",
            c =>
            {
                var world = RequestScope.Of(c).World;
                var user = U(c);
                return Connection.Create(c, world.FollowerCount(user), i => new UserNode(world.FollowerAt(user, i)));
            }
        );
        Resolve(builder, T, "following", c => Connection.Create(c, 0, _ => null!));
    }

    /// <summary>Visible posts matching a predicate, newest first.</summary>
    private static int[] PostsWhere(RequestScope scope, Func<int, bool> predicate)
    {
        var list = new List<int>();
        for (var p = scope.World.VisiblePostCount(scope.Now) - 1; p >= 0; p--)
        {
            if (predicate(p))
            {
                list.Add(p);
            }
        }

        return [.. list];
    }
}
