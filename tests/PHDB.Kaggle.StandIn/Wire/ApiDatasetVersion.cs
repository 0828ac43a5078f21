namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiDatasetVersion</c>.</summary>
internal sealed record ApiDatasetVersion(
    int VersionNumber,
    string CreationDate,
    string CreatorName,
    string? VersionNotes,
    string Status
);
