using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

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
