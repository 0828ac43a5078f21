namespace PHDB.Kaggle.Wire;

/// <summary>An uploaded file of a new dataset or version.</summary>
/// <param name="Token">The blob token StartBlobUpload gave.</param>
/// <param name="Description">What the file holds.</param>
/// <param name="Columns">Its columns, for tabular files.</param>
public sealed record DatasetFileUpload(
    string Token,
    string? Description = null,
    IReadOnlyList<DatasetColumn>? Columns = null
);
