using System.Text.Json;
using PHDB.Domain;
using PHDB.ProductHunt.Wire;

namespace PHDB.ProductHunt;

/// <summary>A page of the votes of a post or a comment (newest first).</summary>
/// <param name="Subject">Whether the votes are a post's or a comment's.</param>
/// <param name="SubjectId">The post or comment.</param>
public sealed record VotesPage(VoteSubject Subject, long SubjectId) : PageWorkItem
{
    /// <summary>Votes at or after this instant.</summary>
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Votes at or before this instant.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    internal override void Write(FieldWriter writer)
    {
        writer.Begin(Subject == VoteSubject.Post ? "post" : "comment");
        writer.Argument("id", Subject == VoteSubject.Post ? "ID" : "ID!", IdText(SubjectId));
        var arguments = writer.Arguments(
            ("first", "Int", First),
            ("after", "String", After),
            ("createdAfter", "DateTime", CreatedAfter),
            ("createdBefore", "DateTime", CreatedBefore)
        );
        writer.End($"{{ id votes({arguments}) {{ nodes {{ ...VoteFields }} {PageSelection} }} }}");
    }

    internal override void Map(JsonElement value, ResultBuilder result)
    {
        if (!result.Found(value))
        {
            return;
        }

        MapPage(
            value.GetProperty("votes"),
            result,
            WireJsonContext.Default.VoteNode,
            (node, _) => result.Votes.Add(EntityMapper.Vote(node, Subject, SubjectId))
        );
    }
}
