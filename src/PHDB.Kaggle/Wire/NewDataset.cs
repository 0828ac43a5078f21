namespace PHDB.Kaggle.Wire;

/// <summary>CreateDataset's request.</summary>
public sealed record NewDataset(
    string OwnerSlug,
    string Slug,
    string Title,
    string LicenseName,
    string? Subtitle,
    string? Description,
    bool IsPrivate,
    IReadOnlyList<DatasetFileUpload> Files,
    IReadOnlyList<string> CategoryIds
);
