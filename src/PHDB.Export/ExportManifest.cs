namespace PHDB.Export;

/// <summary>
/// <c>manifest.json</c> of an export: what was exported from which snapshot, and per file its rows, bytes, SHA-256 and
/// schema. Written last, so a folder with a manifest is complete.
/// </summary>
/// <param name="FormatVersion">The manifest's version (1).</param>
/// <param name="Layout">The table layout.</param>
/// <param name="Formats">The formats written.</param>
/// <param name="StartedAt">When the export started.</param>
/// <param name="CompletedAt">When it completed.</param>
/// <param name="SnapshotAt">When the database snapshot was taken.</param>
/// <param name="HighWater">How far the harvest behind the snapshot had got.</param>
/// <param name="Tables">Rows per table.</param>
/// <param name="Files">Every data file, with its schema.</param>
public sealed record ExportManifest(
    int FormatVersion,
    string Layout,
    IReadOnlyList<string> Formats,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    DateTimeOffset SnapshotAt,
    HarvestHighWater HighWater,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<ManifestFile> Files
)
{
    /// <summary>How long the export took.</summary>
    public TimeSpan Duration => CompletedAt - StartedAt;
}
