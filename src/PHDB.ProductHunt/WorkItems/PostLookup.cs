using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

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
