using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PHDB.Domain;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>A variable of a request: its name (without <c>$</c>), GraphQL type and value.</summary>
internal sealed record VariableValue(string Name, string Type, object Value);

/// <summary>Writes one work item as an aliased root field, declaring one variable per argument given (<c>$alias_argument</c>).</summary>
internal sealed class FieldWriter(string alias, List<VariableValue> variables)
{
    private readonly List<string> _arguments = [];
    private string _field = "";

    public string Alias { get; } = alias;

    public string Text { get; private set; } = "";

    public void Begin(string field)
    {
        _field = field;
        _arguments.Clear();
    }

    /// <summary>Adds <c>name: $alias_name</c> unless the value is null (an absent argument keeps its schema default).</summary>
    public void Argument(string name, string type, object? value)
    {
        if (Variable(name, type, value) is { } reference)
        {
            _arguments.Add($"{name}: {reference}");
        }
    }

    /// <summary>Declares a variable for a value and returns its reference, or null for a null value.</summary>
    public string? Variable(string name, string type, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var variable = $"{Alias}_{name}";
        variables.Add(new VariableValue(variable, type, value));
        return "$" + variable;
    }

    /// <summary>An argument list for a nested field, e.g. <c>first: $a0_first, after: $a0_after</c>.</summary>
    public string Arguments(params (string Name, string Type, object? Value)[] arguments) =>
        string.Join(
            ", ",
            arguments
                .Select(a => (a.Name, Reference: Variable(a.Name, a.Type, a.Value)))
                .Where(a => a.Reference is not null)
                .Select(a => $"{a.Name}: {a.Reference}")
        );

    public void End(string selection) =>
        Text =
            _arguments.Count == 0
                ? $"{Alias}: {_field} {selection}"
                : $"{Alias}: {_field}({string.Join(", ", _arguments)}) {selection}";
}

/// <summary>A packed request: one query with one aliased root field per work item.</summary>
internal sealed record PackedDocument(
    string Query,
    IReadOnlyList<VariableValue> Variables,
    IReadOnlyList<string> Aliases
)
{
    public IReadOnlyDictionary<string, int> IntVariables =>
        Variables.Where(v => v.Value is int).ToDictionary(v => v.Name, v => (int)v.Value, StringComparer.Ordinal);
}

/// <summary>Builds packed requests: alias <c>a{i}</c> for the i-th item, variables <c>a{i}_{argument}</c>.</summary>
internal static class PackBuilder
{
    public const string OperationName = "Pack";

    public static string Alias(int index) => "a" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The index of the item an alias stands for, or -1 when it is not one of ours.</summary>
    public static int IndexOf(string alias) =>
        alias.Length > 1
        && alias[0] == 'a'
        && int.TryParse(alias.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && Alias(index) == alias
            ? index
            : -1;

    public static PackedDocument Build(IReadOnlyList<WorkItem> items)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        var variables = new List<VariableValue>();
        var fields = new List<string>(items.Count);
        var aliases = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var writer = new FieldWriter(Alias(i), variables);
            items[i].Write(writer);
            fields.Add(writer.Text);
            aliases.Add(writer.Alias);
        }

        var query = new StringBuilder("query ").Append(OperationName);
        if (variables.Count > 0)
        {
            query.Append('(').AppendJoin(", ", variables.Select(v => $"${v.Name}: {v.Type}")).Append(')');
        }

        query.Append(" {\n");
        foreach (var field in fields)
        {
            query.Append("  ").Append(field).Append('\n');
        }

        query.Append("}\n");
        return new PackedDocument(OperationCatalog.Compose(query.ToString()), variables, aliases);
    }

    public static void WriteVariables(Utf8JsonWriter json, IEnumerable<VariableValue> variables)
    {
        json.WriteStartObject();
        foreach (var variable in variables)
        {
            json.WritePropertyName(variable.Name);
            switch (variable.Value)
            {
                case string text:
                    json.WriteStringValue(text);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                case DateTimeOffset instant:
                    json.WriteStringValue(
                        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                    );
                    break;
                default:
                    throw new InvalidOperationException($"Unsupported variable type {variable.Value.GetType().Name}.");
            }
        }

        json.WriteEndObject();
    }
}

/// <summary>A node the client refused: it broke the schema (a null where non-null, a wrong type) or PHDB's rules.</summary>
/// <param name="Alias">The alias of the work item the node came from.</param>
/// <param name="Path">Where the node sits under the alias (e.g. <c>nodes[3]</c>).</param>
/// <param name="Field">The offending field, relative to the node.</param>
/// <param name="Value">The offending value, when there was one.</param>
/// <param name="Reason">Why it was refused.</param>
public sealed record NodeRejected(string Alias, string Path, string Field, string? Value, string Reason);

/// <summary>What one work item brought back.</summary>
public sealed record WorkResult
{
    /// <summary>The item as sent (possibly with a smaller page than asked, when the complexity cap required it).</summary>
    public required WorkItem Item { get; init; }

    /// <summary>The entities read.</summary>
    public HarvestBatch Batch { get; init; } = new();

    /// <summary>Whether a lookup (or the parent of a nested page) exists; true for root pages.</summary>
    public bool Found { get; init; } = true;

    /// <summary>The page's end cursor.</summary>
    public string? EndCursor { get; init; }

    /// <summary>Whether the connection goes on after this page.</summary>
    public bool HasNextPage { get; init; }

    /// <summary>The connection's <c>totalCount</c> as the server reported it.</summary>
    public int? TotalCount { get; init; }

    /// <summary>Nodes on the page, including rejected ones.</summary>
    public int NodeCount { get; init; }

    /// <summary>The next page of the same connection, or null when this page ended it (or the item failed).</summary>
    public WorkItem? Next { get; init; }

    /// <summary>Work discovered on the way: replies beyond those read with their comment.</summary>
    public IReadOnlyList<WorkItem> FollowUps { get; init; } = [];

    /// <summary>Posts whose topics did not all fit in the selection (their <see cref="Post.TopicIds"/> are partial).</summary>
    public IReadOnlyList<long> PostsWithMoreTopics { get; init; } = [];

    /// <summary>Nodes skipped because they broke the schema; the rest of the page is kept.</summary>
    public IReadOnlyList<NodeRejected> Rejected { get; init; } = [];

    /// <summary>The budget reported by the answer that carried this result, when one did.</summary>
    public RateLimitSnapshot? Budget { get; init; }

    /// <summary>Why the item failed, when it did; its other members are then empty.</summary>
    public PhdbException? Error { get; init; }

    /// <summary>Whether the item succeeded.</summary>
    public bool Succeeded => Error is null;
}

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
        if (!withReplies || node.Replies is not { } replies)
        {
            return;
        }

        if (replies.Nodes is { } nodes)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                Node(
                    nodes[i],
                    $"{path}.replies.nodes[{i}]",
                    WireJsonContext.Default.CommentNode,
                    (reply, _) => Comments.Add(EntityMapper.Comment(reply, postId, observedAt))
                );
            }
        }

        if (replies.PageInfo?.HasNextPage == true)
        {
            _followUps.Add(new CommentRepliesPage(postId, comment.Id) { After = replies.PageInfo.EndCursor });
        }
    }

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

/// <summary>What a packed execution brought back, item by item in the order given.</summary>
/// <param name="Results">One result per item, in the order of the items.</param>
/// <param name="Budget">The budget the last answer reported, when any answer came.</param>
/// <param name="Requests">Requests that got an answer (each cost budget points), including those refused for complexity.</param>
/// <param name="Attempts">HTTP attempts including retries.</param>
/// <param name="Splits">Times a pack was refused for complexity and split or shrunk.</param>
public sealed record PackResult(
    IReadOnlyList<WorkResult> Results,
    RateLimitSnapshot? Budget,
    int Requests,
    int Attempts,
    int Splits
)
{
    /// <summary>All entities of the successful items as one batch.</summary>
    public HarvestBatch ToBatch()
    {
        var ok = Results.Where(r => r.Succeeded).Select(r => r.Batch).ToList();
        return new HarvestBatch
        {
            Users = [.. ok.SelectMany(b => b.Users)],
            Topics = [.. ok.SelectMany(b => b.Topics)],
            Posts = [.. ok.SelectMany(b => b.Posts)],
            Collections = [.. ok.SelectMany(b => b.Collections)],
            CollectionPosts = [.. ok.SelectMany(b => b.CollectionPosts)],
            Comments = [.. ok.SelectMany(b => b.Comments)],
            Votes = [.. ok.SelectMany(b => b.Votes)],
        };
    }
}

/// <summary>
/// What the client knows of the server's complexity cap: the cap assumed or stated by the server's last refusal, how
/// far its own estimates fell short of the server's count, and the largest request that was accepted.
/// </summary>
public sealed class ComplexityModel(int assumedCap)
{
    private readonly Lock _gate = new();
    private int _cap = assumedCap;
    private double _calibration = 1.0;
    private int _largestAccepted;

    /// <summary>The cap in force: assumed, or stated by the server; 0 while unknown.</summary>
    public int Cap
    {
        get
        {
            lock (_gate)
            {
                return _cap;
            }
        }
    }

    /// <summary>Server complexity ÷ own estimate, at worst, over the refusals seen (1 when the estimates were right).</summary>
    public double Calibration
    {
        get
        {
            lock (_gate)
            {
                return _calibration;
            }
        }
    }

    /// <summary>The largest estimated complexity of an accepted request.</summary>
    public int LargestAccepted
    {
        get
        {
            lock (_gate)
            {
                return _largestAccepted;
            }
        }
    }

    /// <summary>The largest estimate a request may have to pass.</summary>
    public int Budget
    {
        get
        {
            lock (_gate)
            {
                return _cap <= 0 ? int.MaxValue : Math.Max(1, (int)Math.Floor(_cap / _calibration));
            }
        }
    }

    internal void Accepted(int estimate)
    {
        lock (_gate)
        {
            _largestAccepted = Math.Max(_largestAccepted, estimate);
        }
    }

    internal void Refused(int estimate, int serverComplexity, int serverCap)
    {
        lock (_gate)
        {
            _cap = serverCap;
            if (estimate > 0 && serverComplexity > estimate)
            {
                _calibration = Math.Max(_calibration, serverComplexity / (double)estimate);
            }
        }
    }
}
