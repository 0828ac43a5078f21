namespace PHDB.Export.Schema;

/// <summary>A set of tables an export writes: PHDB's own (<c>phdb</c>) or the original dataset's (<c>producthuntdb</c>).</summary>
/// <param name="Name">The layout's name as <c>--layout</c> takes it.</param>
/// <param name="Description">What the layout is for, for the data card.</param>
/// <param name="Tables">Its tables, in the order they are written (referenced tables first).</param>
/// <param name="Notes">Layout-specific notes for the data card (what is left empty and why).</param>
public sealed record ExportLayout(
    string Name,
    string Description,
    IReadOnlyList<ExportTable> Tables,
    IReadOnlyList<string> Notes
)
{
    /// <summary>The table named <paramref name="name"/>, or <c>null</c>.</summary>
    public ExportTable? Find(string name) => Tables.FirstOrDefault(t => t.Name == name);
}
