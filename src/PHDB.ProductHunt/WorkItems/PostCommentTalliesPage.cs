using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>
/// A lean page of a post's top-level comments: each comment's id and votes count, with its first replies' the same
/// way (<see cref="WorkResult.CommentTallies"/>); longer threads come back as <see cref="CommentRepliesPage"/>
/// follow-ups. It tells which comments gained votes, so that only their votes are read again.
/// </summary>
/// <param name="PostId">The post.</param>
public sealed record PostCommentTalliesPage(long PostId) : PageWorkItem
{
    /// <summary>Replies read with each comment (at least 1: a thread's first reply shows whether it has any).</summary>
    public int RepliesFirst { get; init; } = 3;

    internal override void Write(FieldWriter writer)
    {
        writer.Begin("post");
        writer.Argument("id", "ID", IdText(PostId));
        var arguments = writer.Arguments(("first", "Int", First), ("after", "String", After));
        var replies = writer.Variable("replies", "Int", RepliesFirst);
        writer.End(
            $"{{ id comments({arguments}) {{ nodes {{ id votesCount replies(first: {replies}) {{ nodes {{ id votesCount }} {PageSelection} }} }} {PageSelection} }} }}"
        );
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (!result.Found(value))
        {
            return;
        }

        MapPage(
            value.GetProperty("comments"),
            result,
            WireJsonContext.Default.CommentTallyNode,
            (node, path) => result.CommentTally(node, PostId, path)
        );
    }
}
