using PHDB.Export;

namespace PHDB.Publishing;

/// <summary>Version notes generated from what changed since the last published version.</summary>
public static class ReleaseNotes
{
    /// <summary>
    /// Rows added per table since <paramref name="previous"/> (all rows when there is none), how far the harvest
    /// got (its high-water mark) and the harvest runs included.
    /// </summary>
    public static string Generate(
        ExportManifest manifest,
        PublicationRecord? previous,
        IReadOnlyList<HarvestRunSummary> runs
    ) => throw new NotImplementedException();
}
