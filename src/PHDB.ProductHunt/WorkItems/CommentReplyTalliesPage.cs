using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>
/// A lean page of a comment's replies: each reply's id and votes count (<see cref="WorkResult.CommentTallies"/>), to
/// tell which replies gained votes; the thread's next page comes back as a follow-up.
/// </summary>
/// <param name="PostId">The post the thread belongs to (the API's comments do not name it).</param>
/// <param name="CommentId">The comment whose replies are read.</param>
public sealed record CommentReplyTalliesPage(long PostId, long CommentId) : PageWorkItem
{
    internal override void Write(FieldWriter writer)
    {
        writer.Begin("comment");
        writer.Argument("id", "ID!", IdText(CommentId));
        var arguments = writer.Arguments(("first", "Int", First), ("after", "String", After));
        writer.End($"{{ id replies({arguments}) {{ nodes {{ id votesCount }} {PageSelection} }} }}");
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (!result.Found(value))
        {
            return;
        }

        MapPage(
            value.GetProperty("replies"),
            result,
            WireJsonContext.Default.CommentTallyNode,
            (node, path) => result.CommentTally(node, PostId, path)
        );
    }
}
