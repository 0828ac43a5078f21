using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

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
