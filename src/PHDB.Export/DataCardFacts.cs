using PHDB.Export.Schema;

namespace PHDB.Export;

/// <summary>What the data card of one export describes.</summary>
/// <param name="Layout">The layout written.</param>
/// <param name="Tables">The tables written, in order.</param>
/// <param name="Rows">Rows per table.</param>
/// <param name="Files">The data files with sizes and checksums.</param>
/// <param name="SnapshotAt">When the snapshot was taken.</param>
/// <param name="HighWater">How far the harvest had got.</param>
/// <param name="Metadata">The configured Kaggle metadata.</param>
public sealed record DataCardFacts(
    ExportLayout Layout,
    IReadOnlyList<ExportTable> Tables,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<ExportFileEntry> Files,
    DateTimeOffset SnapshotAt,
    HarvestHighWater HighWater,
    KaggleMetadataOptions Metadata
);
