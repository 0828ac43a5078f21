using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>
/// A lean page of <c>posts</c>: each post's id and counts only (<see cref="WorkResult.PostTallies"/>), about a fifth of a
/// full page's complexity. It tells which posts changed since they were read, so that only those are read again.
/// </summary>
public sealed record PostTalliesPage : PageWorkItem
{
    /// <summary>Sort order; null for the API's default (<c>RANKING</c>).</summary>
    public PostsOrder? Order { get; init; }

    /// <summary>Posts at or after this instant (<c>postedAfter</c>).</summary>
    public DateTimeOffset? PostedAfter { get; init; }

    /// <summary>Posts at or before this instant (<c>postedBefore</c>).</summary>
    public DateTimeOffset? PostedBefore { get; init; }

    internal override void Write(FieldWriter writer)
    {
        writer.Begin("posts");
        writer.Argument("first", "Int", First);
        writer.Argument("after", "String", After);
        writer.Argument("order", "PostsOrder", Order is { } o ? Enum(o) : null);
        writer.Argument("postedAfter", "DateTime", PostedAfter);
        writer.Argument("postedBefore", "DateTime", PostedBefore);
        writer.End($"{{ nodes {{ id commentsCount votesCount }} {PageSelection} }}");
    }

    internal override void Map(JsonElement value, ResultBuilder result) =>
        MapPage(value, result, WireJsonContext.Default.PostTallyNode, (node, _) => result.PostTally(node));
}
