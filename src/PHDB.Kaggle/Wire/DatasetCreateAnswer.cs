namespace PHDB.Kaggle.Wire;

/// <summary>Kaggle's answer to CreateDataset and CreateDatasetVersion.</summary>
public sealed record DatasetCreateAnswer(
    string? Ref,
    string? Url,
    string? Status,
    string? Error,
    IReadOnlyList<string> InvalidTags
)
{
    /// <summary>Whether the answer says the dataset or version was created (status ok and no error).</summary>
    public bool Succeeded => throw new NotImplementedException();
}
