using PHDB.Kaggle.Wire;

namespace PHDB.Kaggle.Metadata;

/// <summary>A file of <c>dataset-metadata.json</c>'s <c>resources</c>.</summary>
public sealed record DatasetResource(string Path, string? Description, IReadOnlyList<DatasetColumn> Columns);
