using System.Globalization;
using System.Text;
using System.Text.Json;
using PHDB.Domain;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>How <c>posts</c> are sorted (always descending).</summary>
public enum PostsOrder
{
    /// <summary><c>RANKING</c>: day of featuring, then rank score (the API's default).</summary>
    Ranking,

    /// <summary><c>NEWEST</c>.</summary>
    Newest,

    /// <summary><c>FEATURED_AT</c> (no tie-breaker).</summary>
    FeaturedAt,

    /// <summary><c>VOTES</c>.</summary>
    Votes,
}

/// <summary>How <c>topics</c> are sorted.</summary>
public enum TopicsOrder
{
    /// <summary><c>NEWEST</c> (the API's default).</summary>
    Newest,

    /// <summary><c>FOLLOWERS_COUNT</c>.</summary>
    FollowersCount,
}

/// <summary>How <c>collections</c> are sorted.</summary>
public enum CollectionsOrder
{
    /// <summary><c>FOLLOWERS_COUNT</c> (the API's default).</summary>
    FollowersCount,

    /// <summary><c>NEWEST</c>.</summary>
    Newest,

    /// <summary><c>FEATURED_AT</c>.</summary>
    FeaturedAt,
}

/// <summary>How comments and replies are sorted.</summary>
public enum CommentsOrder
{
    /// <summary><c>NEWEST</c> (the API's default).</summary>
    Newest,

    /// <summary><c>VOTES_COUNT</c>.</summary>
    VotesCount,
}

/// <summary>
/// One independent piece of work that becomes one aliased root field of a packed request: a page of a connection
/// (with its own cursor and filters) or a single lookup.
/// </summary>
public abstract record WorkItem
{
    private protected WorkItem() { }

    /// <summary>Writes the aliased root field and declares its variables.</summary>
    internal abstract void Write(FieldWriter writer);

    /// <summary>Maps the alias's value (never absent; may be JSON null) into <paramref name="result"/>.</summary>
    internal abstract void Map(JsonElement value, ResultBuilder result);

    /// <summary>The same item asking for at most <paramref name="first"/> items; lookups stay as they are.</summary>
    internal virtual WorkItem WithFirst(int first) => this;

    /// <summary>Items asked per page, for a page; null for a lookup.</summary>
    internal virtual int? Size => null;

    internal static string Enum<T>(T value)
        where T : struct, System.Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    internal static string IdText(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A page of a connection, continued by <see cref="WorkResult.Next"/>.</summary>
public abstract record PageWorkItem : WorkItem
{
    private protected PageWorkItem() { }

    /// <summary>The cursor after which the page starts; null for the first page.</summary>
    public string? After { get; init; }

    /// <summary>Items asked for (the API returns at most 20).</summary>
    public int First { get; init; } = 20;

    internal override int? Size => First;

    internal override WorkItem WithFirst(int first) => this with { First = first };

    /// <summary>Maps a connection's page: each node on its own, then page info and the next item.</summary>
    private protected void MapPage<T>(
        JsonElement connection,
        ResultBuilder result,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        Action<T, string> map
    )
        where T : class
    {
        var raw = ResultBuilder.Read(connection, WireJsonContext.Default.RawConnection, "");
        if (raw?.Nodes is null || raw.PageInfo?.HasNextPage is null)
        {
            throw new DataValidationException("nodes/pageInfo", null, "a connection without nodes or page info");
        }

        for (var i = 0; i < raw.Nodes.Count; i++)
        {
            result.Node(raw.Nodes[i], $"nodes[{i}]", type, map);
        }

        result.Page(raw.PageInfo.EndCursor, raw.PageInfo.HasNextPage.Value, raw.TotalCount, raw.Nodes.Count);
        result.Next =
            raw.PageInfo.HasNextPage.Value && raw.PageInfo.EndCursor is { } cursor && raw.Nodes.Count > 0
                ? this with
                {
                    After = cursor,
                }
                : null;
    }

    private protected const string PageSelection = "pageInfo { ...PageFields } totalCount";
}

/// <summary>A page of <c>posts</c> with its own filters, order and cursor.</summary>
public sealed record PostsPage : PageWorkItem
{
    /// <summary>Sort order; null for the API's default (<c>RANKING</c>).</summary>
    public PostsOrder? Order { get; init; }

    /// <summary><c>featured</c> filter.</summary>
    public bool? Featured { get; init; }

    /// <summary>Posts at or after this instant (<c>postedAfter</c>).</summary>
    public DateTimeOffset? PostedAfter { get; init; }

    /// <summary>Posts at or before this instant (<c>postedBefore</c>).</summary>
    public DateTimeOffset? PostedBefore { get; init; }

    /// <summary>A topic slug.</summary>
    public string? Topic { get; init; }

    internal override void Write(FieldWriter writer)
    {
        writer.Begin("posts");
        writer.Argument("first", "Int", First);
        writer.Argument("after", "String", After);
        writer.Argument("order", "PostsOrder", Order is { } o ? Enum(o) : null);
        writer.Argument("featured", "Boolean", Featured);
        writer.Argument("postedAfter", "DateTime", PostedAfter);
        writer.Argument("postedBefore", "DateTime", PostedBefore);
        writer.Argument("topic", "String", Topic);
        writer.End($"{{ nodes {{ ...PostFields }} {PageSelection} }}");
    }

    internal override void Map(JsonElement value, ResultBuilder result) =>
        MapPage(value, result, WireJsonContext.Default.PostNode, (node, _) => result.Post(node));
}

/// <summary>A page of <c>topics</c>.</summary>
public sealed record TopicsPage : PageWorkItem
{
    /// <summary>Sort order; null for the API's default.</summary>
    public TopicsOrder? Order { get; init; }

    /// <summary>A search text.</summary>
    public string? Query { get; init; }

    internal override void Write(FieldWriter writer)
    {
        writer.Begin("topics");
        writer.Argument("first", "Int", First);
        writer.Argument("after", "String", After);
        writer.Argument("order", "TopicsOrder", Order is { } o ? Enum(o) : null);
        writer.Argument("query", "String", Query);
        writer.End($"{{ nodes {{ ...TopicFields }} {PageSelection} }}");
    }

    internal override void Map(JsonElement value, ResultBuilder result) =>
        MapPage(
            value,
            result,
            WireJsonContext.Default.TopicNode,
            (node, path) => result.Topics.Add(EntityMapper.Topic(node, path))
        );
}

/// <summary>A page of <c>collections</c>.</summary>
public sealed record CollectionsPage : PageWorkItem
{
    /// <summary>Sort order; null for the API's default.</summary>
    public CollectionsOrder? Order { get; init; }

    /// <summary><c>featured</c> filter.</summary>
    public bool? Featured { get; init; }

    /// <summary>Collections holding this post.</summary>
    public long? PostId { get; init; }

    /// <summary>Collections of this user.</summary>
    public long? UserId { get; init; }

    internal override void Write(FieldWriter writer)
    {
        writer.Begin("collections");
        writer.Argument("first", "Int", First);
        writer.Argument("after", "String", After);
        writer.Argument("order", "CollectionsOrder", Order is { } o ? Enum(o) : null);
        writer.Argument("featured", "Boolean", Featured);
        writer.Argument("postId", "ID", PostId is { } p ? IdText(p) : null);
        writer.Argument("userId", "ID", UserId is { } u ? IdText(u) : null);
        writer.End($"{{ nodes {{ ...CollectionFields }} {PageSelection} }}");
    }

    internal override void Map(JsonElement value, ResultBuilder result) =>
        MapPage(value, result, WireJsonContext.Default.CollectionNode, (node, _) => result.Collection(node));
}

/// <summary>A page of one collection's posts (ids only; the posts themselves come from posts pages or lookups).</summary>
/// <param name="CollectionId">The collection.</param>
public sealed record CollectionPostsPage(long CollectionId) : PageWorkItem
{
    internal override void Write(FieldWriter writer)
    {
        writer.Begin("collection");
        writer.Argument("id", "ID", IdText(CollectionId));
        var first = writer.Variable("first", "Int", First);
        var after = writer.Variable("after", "String", After);
        writer.End(
            $"{{ id posts(first: {first}{(after is null ? "" : $", after: {after}")}) {{ nodes {{ id }} {PageSelection} }} }}"
        );
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (!result.Found(value))
        {
            return;
        }

        var ids = new List<long>();
        MapPage(
            value.GetProperty("posts"),
            result,
            WireJsonContext.Default.IdNode,
            (node, path) => ids.Add(EntityMapper.Id($"{path}.id", node.Id))
        );
        result.CollectionPosts.Add(new CollectionPosts(CollectionId, ids, After is null && !result.HasNextPage));
    }
}

/// <summary>A page of a post's top-level comments, each with its first replies; longer threads come back as follow-ups.</summary>
/// <param name="PostId">The post.</param>
public sealed record PostCommentsPage(long PostId) : PageWorkItem
{
    /// <summary>Sort order; null for the API's default (<c>NEWEST</c>).</summary>
    public CommentsOrder? Order { get; init; }

    /// <summary>Replies read with each comment (0 reads none; the rest become <see cref="CommentRepliesPage"/> follow-ups).</summary>
    public int RepliesFirst { get; init; } = 3;

    internal override void Write(FieldWriter writer)
    {
        writer.Begin("post");
        writer.Argument("id", "ID", IdText(PostId));
        var arguments = writer.Arguments(
            ("first", "Int", First),
            ("after", "String", After),
            ("order", "CommentsOrder", Order is { } o ? Enum(o) : null)
        );
        var replies = writer.Variable("replies", "Int", RepliesFirst);
        writer.End(
            $"{{ id comments({arguments}) {{ nodes {{ ...CommentFields replies(first: {replies}) {{ nodes {{ ...CommentFields }} {PageSelection} }} }} {PageSelection} }} }}"
        );
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (!result.Found(value))
        {
            return;
        }

        MapPage(
            value.GetProperty("comments"),
            result,
            WireJsonContext.Default.CommentNode,
            (node, path) => result.Comment(node, PostId, path, true)
        );
    }
}

/// <summary>A page of a comment's replies.</summary>
/// <param name="PostId">The post the thread belongs to (the API's comments do not name it).</param>
/// <param name="CommentId">The comment whose replies are read.</param>
public sealed record CommentRepliesPage(long PostId, long CommentId) : PageWorkItem
{
    /// <summary>Sort order; null for the API's default (<c>NEWEST</c>).</summary>
    public CommentsOrder? Order { get; init; }

    internal override void Write(FieldWriter writer)
    {
        writer.Begin("comment");
        writer.Argument("id", "ID!", IdText(CommentId));
        var arguments = writer.Arguments(
            ("first", "Int", First),
            ("after", "String", After),
            ("order", "CommentsOrder", Order is { } o ? Enum(o) : null)
        );
        writer.End($"{{ id replies({arguments}) {{ nodes {{ ...CommentFields }} {PageSelection} }} }}");
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (!result.Found(value))
        {
            return;
        }

        MapPage(
            value.GetProperty("replies"),
            result,
            WireJsonContext.Default.CommentNode,
            (node, path) => result.Comment(node, PostId, path, false)
        );
    }
}

/// <summary>A page of the votes of a post or a comment (newest first).</summary>
/// <param name="Subject">Whether the votes are a post's or a comment's.</param>
/// <param name="SubjectId">The post or comment.</param>
public sealed record VotesPage(VoteSubject Subject, long SubjectId) : PageWorkItem
{
    /// <summary>Votes at or after this instant.</summary>
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Votes at or before this instant.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    internal override void Write(FieldWriter writer)
    {
        writer.Begin(Subject == VoteSubject.Post ? "post" : "comment");
        writer.Argument("id", Subject == VoteSubject.Post ? "ID" : "ID!", IdText(SubjectId));
        var arguments = writer.Arguments(
            ("first", "Int", First),
            ("after", "String", After),
            ("createdAfter", "DateTime", CreatedAfter),
            ("createdBefore", "DateTime", CreatedBefore)
        );
        writer.End($"{{ id votes({arguments}) {{ nodes {{ ...VoteFields }} {PageSelection} }} }}");
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (!result.Found(value))
        {
            return;
        }

        MapPage(
            value.GetProperty("votes"),
            result,
            WireJsonContext.Default.VoteNode,
            (node, _) => result.Votes.Add(EntityMapper.Vote(node, Subject, SubjectId))
        );
    }
}

/// <summary>One post by id or slug.</summary>
public sealed record PostLookup(long? Id = null, string? Slug = null) : WorkItem
{
    internal override void Write(FieldWriter writer)
    {
        writer.Begin("post");
        writer.Argument("id", "ID", Id is { } id ? IdText(id) : null);
        writer.Argument("slug", "String", Slug);
        writer.End("{ ...PostFields }");
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (result.Found(value))
        {
            result.Node(value, "", WireJsonContext.Default.PostNode, (node, _) => result.Post(node));
        }
    }
}

/// <summary>One user by id or username; a redacted user is found but yields no <see cref="User"/>.</summary>
public sealed record UserLookup(long? Id = null, string? Username = null) : WorkItem
{
    internal override void Write(FieldWriter writer)
    {
        writer.Begin("user");
        writer.Argument("id", "ID", Id is { } id ? IdText(id) : null);
        writer.Argument("username", "String", Username);
        writer.End("{ ...UserFields }");
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (result.Found(value))
        {
            result.Node(value, "", WireJsonContext.Default.UserNode, (node, path) => result.User(node, path));
        }
    }
}

/// <summary>One topic by id or slug.</summary>
public sealed record TopicLookup(long? Id = null, string? Slug = null) : WorkItem
{
    internal override void Write(FieldWriter writer)
    {
        writer.Begin("topic");
        writer.Argument("id", "ID", Id is { } id ? IdText(id) : null);
        writer.Argument("slug", "String", Slug);
        writer.End("{ ...TopicFields }");
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (result.Found(value))
        {
            result.Node(
                value,
                "",
                WireJsonContext.Default.TopicNode,
                (node, path) => result.Topics.Add(EntityMapper.Topic(node, path))
            );
        }
    }
}

/// <summary>One collection by id or slug.</summary>
public sealed record CollectionLookup(long? Id = null, string? Slug = null) : WorkItem
{
    internal override void Write(FieldWriter writer)
    {
        writer.Begin("collection");
        writer.Argument("id", "ID", Id is { } id ? IdText(id) : null);
        writer.Argument("slug", "String", Slug);
        writer.End("{ ...CollectionFields }");
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (result.Found(value))
        {
            result.Node(value, "", WireJsonContext.Default.CollectionNode, (node, _) => result.Collection(node));
        }
    }
}

/// <summary>One comment by id; the post it belongs to must be given (the API's comments do not name it).</summary>
public sealed record CommentLookup(long Id, long PostId) : WorkItem
{
    internal override void Write(FieldWriter writer)
    {
        writer.Begin("comment");
        writer.Argument("id", "ID!", IdText(Id));
        writer.End("{ ...CommentFields }");
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (result.Found(value))
        {
            result.Node(
                value,
                "",
                WireJsonContext.Default.CommentNode,
                (node, path) => result.Comment(node, PostId, path, false)
            );
        }
    }
}
