using System.Text.Json;
using PHDB.Domain;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>A page of one collection's posts (ids only; the posts themselves come from posts pages or lookups).</summary>
/// <param name="CollectionId">The collection.</param>
public sealed record CollectionPostsPage(long CollectionId) : PageWorkItem
{
    internal override void Write(FieldWriter writer)
    {
        writer.Begin("collection");
        writer.Argument("id", "ID", IdText(CollectionId));
        var first = writer.Variable("first", "Int", First);
        var after = writer.Variable("after", "String", After);
        writer.End(
            $"{{ id posts(first: {first}{(after is null ? "" : $", after: {after}")}) {{ nodes {{ id }} {PageSelection} }} }}"
        );
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (!result.Found(value))
        {
            return;
        }

        var ids = new List<long>();
        MapPage(
            value.GetProperty("posts"),
            result,
            WireJsonContext.Default.IdNode,
            (node, path) => ids.Add(EntityMapper.Id($"{path}.id", node.Id))
        );
        result.CollectionPosts.Add(new CollectionPosts(CollectionId, ids, After is null && !result.HasNextPage));
    }
}
