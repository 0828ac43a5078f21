namespace PHDB.Kaggle.Wire;

/// <summary>The body of CreateDatasetVersion's request.</summary>
public sealed record NewDatasetVersion(
    string VersionNotes,
    bool DeleteOldVersions,
    IReadOnlyList<DatasetFileUpload> Files,
    string? Subtitle,
    string? Description,
    IReadOnlyList<string> CategoryIds
);
