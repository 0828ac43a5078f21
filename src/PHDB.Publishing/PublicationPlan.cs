using PHDB.Kaggle.Metadata;

namespace PHDB.Publishing;

/// <summary>What a publication would send: validated metadata, the files and the notes.</summary>
/// <param name="Dataset">The dataset, <c>owner/slug</c>.</param>
/// <param name="CreatesDataset">Whether the dataset is created (<c>true</c>) or versioned (<c>false</c>); <c>null</c> when unknown (a dry run without credentials).</param>
/// <param name="ExportDirectory">The export folder published.</param>
/// <param name="Metadata">The metadata written to its <c>dataset-metadata.json</c>.</param>
/// <param name="Files">The files uploaded: the export's files and its data card, nothing else.</param>
/// <param name="Notes">The version notes.</param>
/// <param name="Problems">Why Kaggle would refuse it; empty when valid.</param>
public sealed record PublicationPlan(
    string Dataset,
    bool? CreatesDataset,
    string ExportDirectory,
    DatasetMetadata Metadata,
    IReadOnlyList<PlannedFile> Files,
    string Notes,
    IReadOnlyList<MetadataProblem> Problems
)
{
    /// <summary>Bytes of every file.</summary>
    public long Bytes => Files.Sum(f => f.Bytes);

    /// <summary>Whether nothing stands in the way.</summary>
    public bool IsValid => Problems.Count == 0;
}
