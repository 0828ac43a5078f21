using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

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
