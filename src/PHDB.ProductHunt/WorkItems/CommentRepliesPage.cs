using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

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
