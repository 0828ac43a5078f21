namespace PHDB.Export.Schema;

/// <summary>The layouts an export can write.</summary>
public static class ExportLayouts
{
    /// <summary>PHDB's own tables and the derived tables.</summary>
    public static ExportLayout Phdb { get; } =
        new(
            PhdbLayout.Name,
            "PHDB's tables as stored, plus derived tables no other Product Hunt dataset has.",
            [.. PhdbLayout.HarvestedTables],
            []
        );

    /// <summary>Every layout.</summary>
    public static IReadOnlyList<ExportLayout> All { get; } = [Phdb, ProductHuntDbLayout.Layout];

    /// <summary>The layout named <paramref name="name"/>, or <c>null</c>.</summary>
    public static ExportLayout? Find(string name) => All.FirstOrDefault(l => l.Name == name);
}
