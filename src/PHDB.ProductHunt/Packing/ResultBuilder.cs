using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PHDB.Domain;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>Collects what one alias's value maps to.</summary>
internal sealed class ResultBuilder(
    WorkItem item,
    string alias,
    DateTimeOffset observedAt,
    Action<NodeRejected> onRejected
)
{
    private readonly List<NodeRejected> _rejected = [];
    private readonly List<WorkItem> _followUps = [];
    private readonly List<long> _moreTopics = [];
    private bool _found = true;
    private string? _endCursor;
    private int? _totalCount;
    private int _nodeCount;

    public List<User> Users { get; } = [];

    public List<Topic> Topics { get; } = [];

    public List<Post> Posts { get; } = [];

    public List<Collection> Collections { get; } = [];

    public List<CollectionPosts> CollectionPosts { get; } = [];

    public List<Comment> Comments { get; } = [];

    public List<Vote> Votes { get; } = [];

    public List<PostTally> PostTallies { get; } = [];

    public List<CommentTally> CommentTallies { get; } = [];

    public bool HasNextPage { get; private set; }

    public WorkItem? Next { get; set; }

    public bool Found(JsonElement value)
    {
        _found = value.ValueKind != JsonValueKind.Null;
        return _found;
    }

    public void Page(string? endCursor, bool hasNextPage, int? totalCount, int nodes)
    {
        _endCursor = endCursor;
        HasNextPage = hasNextPage;
        _totalCount = totalCount;
        _nodeCount = nodes;
    }

    /// <summary>Reads a value whose failure fails the whole item.</summary>
    public static T? Read<T>(JsonElement value, JsonTypeInfo<T> type, string path)
    {
        try
        {
            return value.Deserialize(type);
        }
        catch (JsonException exception)
        {
            throw new DataValidationException(Join(path, exception.Path), Raw(value), exception.Message);
        }
    }

    /// <summary>Reads and maps one node; a node that breaks the schema is recorded and skipped.</summary>
    public void Node<T>(JsonElement value, string path, JsonTypeInfo<T> type, Action<T, string> map)
        where T : class
    {
        try
        {
            var node =
                value.Deserialize(type)
                ?? throw new DataValidationException("", null, "null node where the schema says non-null");
            map(node, path);
        }
        catch (JsonException exception)
        {
            Reject(path, exception.Path?.TrimStart('$', '.') ?? "", Raw(value), exception.Message);
        }
        catch (DataValidationException exception)
        {
            Reject(path, exception.Field, exception.Value, exception.Reason);
        }
    }

    public void Post(PostNode node)
    {
        var topics = new List<Topic>();
        var post = EntityMapper.Post(node, observedAt, topics, out var complete);
        Posts.Add(post);
        Topics.AddRange(topics);
        if (!complete)
        {
            _moreTopics.Add(post.Id);
        }
    }

    public void PostTally(PostTallyNode node) =>
        PostTallies.Add(
            new PostTally(
                EntityMapper.Id("id", node.Id),
                EntityMapper.NonNegative("commentsCount", EntityMapper.Required("commentsCount", node.CommentsCount)),
                EntityMapper.NonNegative("votesCount", EntityMapper.Required("votesCount", node.VotesCount))
            )
        );

    public void CommentTally(CommentTallyNode node, long postId, string path)
    {
        var tally = Tally(node, postId);
        CommentTallies.Add(tally);
        Replies(
            node.Replies,
            postId,
            tally.Id,
            path,
            WireJsonContext.Default.CommentTallyNode,
            reply => CommentTallies.Add(Tally(reply, postId)),
            lean: true
        );
    }

    public void Collection(CollectionNode node)
    {
        var topics = new List<Topic>();
        Collections.Add(EntityMapper.Collection(node, observedAt, topics));
        Topics.AddRange(topics);
    }

    public void User(UserNode node, string path)
    {
        // A redacted user is a reference only: there is no user to keep.
        if (EntityMapper.User(node, path) is { } user)
        {
            Users.Add(user);
        }
    }

    public void Comment(CommentNode node, long postId, string path, bool withReplies)
    {
        var comment = EntityMapper.Comment(node, postId, observedAt);
        Comments.Add(comment);
        if (withReplies)
        {
            Replies(
                node.Replies,
                postId,
                comment.Id,
                path,
                WireJsonContext.Default.CommentNode,
                reply => Comments.Add(EntityMapper.Comment(reply, postId, observedAt)),
                lean: false
            );
        }
    }

    /// <summary>
    /// Maps the replies read with a comment; a thread that goes on becomes a follow-up, read the same way as the page
    /// (<paramref name="lean"/>: ids and votes counts only).
    /// </summary>
    private void Replies<T>(
        RawConnection? replies,
        long postId,
        long commentId,
        string path,
        JsonTypeInfo<T> type,
        Action<T> map,
        bool lean
    )
        where T : class
    {
        if (replies is null)
        {
            return;
        }

        if (replies is { Nodes: null, PageInfo: null })
        {
            // Only the thread's count was asked: a thread with replies is read as its own page, sized to it.
            if (replies.TotalCount is > 0 and var count)
            {
                _followUps.Add(Thread(postId, commentId, lean) with { First = Math.Min(count, PageWorkItem.FullPage) });
            }

            return;
        }

        for (var i = 0; i < (replies.Nodes?.Count ?? 0); i++)
        {
            Node(replies.Nodes![i], $"{path}.replies.nodes[{i}]", type, (reply, _) => map(reply));
        }

        if (replies.PageInfo?.HasNextPage == true)
        {
            _followUps.Add(Thread(postId, commentId, lean) with { After = replies.PageInfo.EndCursor });
        }
    }

    private static PageWorkItem Thread(long postId, long commentId, bool lean) =>
        lean ? new CommentReplyTalliesPage(postId, commentId) : new CommentRepliesPage(postId, commentId);

    private static CommentTally Tally(CommentTallyNode node, long postId) =>
        new(
            EntityMapper.Id("id", node.Id),
            postId,
            EntityMapper.NonNegative("votesCount", EntityMapper.Required("votesCount", node.VotesCount))
        );

    public WorkResult Build() =>
        new()
        {
            Item = item,
            Found = _found,
            EndCursor = _endCursor,
            HasNextPage = HasNextPage,
            TotalCount = _totalCount,
            NodeCount = _nodeCount,
            Next = Next,
            FollowUps = _followUps,
            PostsWithMoreTopics = _moreTopics,
            PostTallies = PostTallies,
            CommentTallies = CommentTallies,
            Rejected = _rejected,
            Batch = new HarvestBatch
            {
                Users = Users,
                Topics = Topics,
                Posts = Posts,
                Collections = Collections,
                CollectionPosts = CollectionPosts,
                Comments = Comments,
                Votes = Votes,
            },
        };

    private void Reject(string path, string field, string? value, string reason)
    {
        var rejected = new NodeRejected(alias, path, field, value, reason);
        _rejected.Add(rejected);
        onRejected(rejected);
    }

    private static string Join(string path, string? inner)
    {
        var rest = inner?.TrimStart('$', '.') ?? "";
        return path.Length == 0 ? rest
            : rest.Length == 0 ? path
            : $"{path}.{rest}";
    }

    private static string Raw(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 200 ? text : text[..200];
    }
}
