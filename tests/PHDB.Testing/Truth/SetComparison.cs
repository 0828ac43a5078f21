using System.Text;

namespace PHDB.Testing.Truth;

/// <summary>
/// The comparison of one entity or link set: counts on both sides, how many rows are missing from the database,
/// unexpected in it or differing, and a bounded sample of each (smallest keys first, so runs are reproducible).
/// </summary>
/// <remarks>
/// Keys: an entity's id (<c>"123"</c>); links as <c>"post 12 topic 5"</c>, <c>"post 12 maker 34"</c>,
/// <c>"post 12 redacted makers"</c> (the count of a post's redacted makers) and <c>"collection 7 post 12"</c>.
/// </remarks>
/// <param name="Name">The set, named like its truth kind (<c>posts</c>, <c>post_topics</c>, …).</param>
/// <param name="TruthCount">Rows the truth implies for the database.</param>
/// <param name="DatabaseCount">Rows in the database that are not placeholders.</param>
/// <param name="DatabasePlaceholders">Placeholder rows in the database (always 0 for link sets and votes).</param>
/// <param name="MissingCount">Truth rows the database lacks or holds only as a placeholder.</param>
/// <param name="MissingPlaceholders">How many of the missing rows are placeholders in the database.</param>
/// <param name="UnexpectedCount">Database rows (placeholders included) the truth does not have.</param>
/// <param name="DifferingCount">Rows on both sides whose compared fields differ.</param>
/// <param name="Missing">A sample of the missing keys.</param>
/// <param name="Unexpected">A sample of the unexpected keys.</param>
/// <param name="Differing">A sample of the differing rows with their differing fields.</param>
public sealed record SetComparison(
    string Name,
    int TruthCount,
    int DatabaseCount,
    int DatabasePlaceholders,
    int MissingCount,
    int MissingPlaceholders,
    int UnexpectedCount,
    int DifferingCount,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unexpected,
    IReadOnlyList<RowDifference> Differing
)
{
    /// <summary>Whether the database holds exactly the truth's rows with the truth's values.</summary>
    public bool IsExactMatch => MissingCount == 0 && UnexpectedCount == 0 && DifferingCount == 0;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        AppendTo(text);
        return text.ToString().TrimEnd();
    }

    internal void AppendTo(StringBuilder text)
    {
        text.Append(Name).Append(": truth ").Append(TruthCount).Append(", database ").Append(DatabaseCount);
        if (DatabasePlaceholders > 0)
        {
            text.Append(" (+").Append(DatabasePlaceholders).Append(" placeholders)");
        }

        text.Append(IsExactMatch ? " - exact" : " - DIFFERENT").AppendLine();
        if (MissingCount > 0)
        {
            text.Append("  missing ").Append(MissingCount);
            if (MissingPlaceholders > 0)
            {
                text.Append(" (").Append(MissingPlaceholders).Append(" only placeholders)");
            }

            text.Append(": ").AppendJoin(", ", Missing).AppendLine(MissingCount > Missing.Count ? ", …" : "");
        }

        if (UnexpectedCount > 0)
        {
            text.Append("  unexpected ")
                .Append(UnexpectedCount)
                .Append(": ")
                .AppendJoin(", ", Unexpected)
                .AppendLine(UnexpectedCount > Unexpected.Count ? ", …" : "");
        }

        if (DifferingCount > 0)
        {
            text.Append("  differing ").Append(DifferingCount).AppendLine(":");
            foreach (var row in Differing)
            {
                text.Append("    ").Append(row).AppendLine();
            }

            if (DifferingCount > Differing.Count)
            {
                text.AppendLine("    …");
            }
        }
    }
}
