using System.Text.Json;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>
/// A lean page of a post's top-level comments: each comment's id and votes count, with its first replies' the same
/// way (<see cref="WorkResult.CommentTallies"/>); longer threads come back as <see cref="CommentReplyTalliesPage"/>
/// follow-ups. It tells which comments gained votes, so that only their votes are read again.
/// </summary>
/// <param name="PostId">The post.</param>
public sealed record PostCommentTalliesPage(long PostId) : PageWorkItem
{
    /// <summary>
    /// Replies read with each comment; the rest of a thread becomes a follow-up. 0 reads only each thread's count
    /// (2 complexity points against 4 + 3 per reply asked for), and a thread with replies becomes a follow-up sized
    /// to its count.
    /// </summary>
    public int RepliesFirst { get; init; } = 3;

    internal override void Write(FieldWriter writer)
    {
        writer.Begin("post");
        writer.Argument("id", "ID", IdText(PostId));
        var arguments = writer.Arguments(("first", "Int", First), ("after", "String", After));
        var replies =
            RepliesFirst > 0
                ? $"replies(first: {writer.Variable("replies", "Int", RepliesFirst)}) {{ nodes {{ id votesCount }} {PageSelection} }}"
                : "replies { totalCount }";
        writer.End($"{{ id comments({arguments}) {{ nodes {{ id votesCount {replies} }} {PageSelection} }} }}");
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
