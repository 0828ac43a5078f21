using System.Text.Json;
using PHDB.Domain;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>One user by id or username; a redacted user is found but yields no <see cref="User"/>.</summary>
public sealed record UserLookup(long? Id = null, string? Username = null) : WorkItem
{
    internal override void Write(FieldWriter writer)
    {
        writer.Begin("user");
        writer.Argument("id", "ID", Id is { } id ? IdText(id) : null);
        writer.Argument("username", "String", Username);
        writer.End("{ ...UserFields }");
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (result.Found(value))
        {
            result.Node(value, "", WireJsonContext.Default.UserNode, (node, path) => result.User(node, path));
        }
    }
}
