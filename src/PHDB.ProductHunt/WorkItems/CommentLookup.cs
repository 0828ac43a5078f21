using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

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
