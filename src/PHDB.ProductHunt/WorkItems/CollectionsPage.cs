using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>A page of <c>collections</c>.</summary>
public sealed record CollectionsPage : PageWorkItem
{
    /// <summary>Sort order; null for the API's default.</summary>
    public CollectionsOrder? Order { get; init; }

    /// <summary><c>featured</c> filter.</summary>
    public bool? Featured { get; init; }

    /// <summary>Collections holding this post.</summary>
    public long? PostId { get; init; }

    /// <summary>Collections of this user.</summary>
    public long? UserId { get; init; }

    internal override void Write(FieldWriter writer)
    {
        writer.Begin("collections");
        writer.Argument("first", "Int", First);
        writer.Argument("after", "String", After);
        writer.Argument("order", "CollectionsOrder", Order is { } o ? Enum(o) : null);
        writer.Argument("featured", "Boolean", Featured);
        writer.Argument("postId", "ID", PostId is { } p ? IdText(p) : null);
        writer.Argument("userId", "ID", UserId is { } u ? IdText(u) : null);
        writer.End($"{{ nodes {{ ...CollectionFields }} {PageSelection} }}");
    }

    internal override void Map(JsonElement value, ResultBuilder result) =>
        MapPage(value, result, WireJsonContext.Default.CollectionNode, (node, _) => result.Collection(node));
}
