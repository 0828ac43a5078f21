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
    /// <summary>
    /// Whether the answer says the dataset or version was created: <c>status</c> is <c>ok</c> (in any case) and
    /// <c>error</c> is empty or absent, as Kaggle's client decides.
    /// </summary>
    public bool Succeeded =>
        string.Equals(Status, "ok", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(Error);
}
