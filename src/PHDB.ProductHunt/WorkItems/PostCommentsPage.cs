using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>A page of a post's top-level comments, each with its first replies; longer threads come back as follow-ups.</summary>
/// <param name="PostId">The post.</param>
public sealed record PostCommentsPage(long PostId) : PageWorkItem
{
    /// <summary>Sort order; null for the API's default (<c>NEWEST</c>).</summary>
    public CommentsOrder? Order { get; init; }

    /// <summary>
    /// Replies read with each comment; the rest of a thread becomes a <see cref="CommentRepliesPage"/> follow-up. 0
    /// reads only each thread's count (2 complexity points against 5 + 8 per reply asked for), and a thread with
    /// replies becomes a follow-up sized to its count.
    /// </summary>
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
        var replies =
            RepliesFirst > 0
                ? $"replies(first: {writer.Variable("replies", "Int", RepliesFirst)}) {{ nodes {{ ...CommentFields }} {PageSelection} }}"
                : "replies { totalCount }";
        writer.End($"{{ id comments({arguments}) {{ nodes {{ ...CommentFields {replies} }} {PageSelection} }} }}");
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
