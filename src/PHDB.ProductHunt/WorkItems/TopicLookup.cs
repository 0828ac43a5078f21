using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

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
