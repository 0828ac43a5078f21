namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiDataset</c>, the fields the stand-in knows.</summary>
internal sealed record ApiDataset(
    int Id,
    string Ref,
    string Title,
    string? Subtitle,
    string? Description,
    string Url,
    string OwnerName,
    string OwnerRef,
    string CreatorName,
    string LicenseName,
    bool IsPrivate,
    int CurrentVersionNumber,
    long TotalBytes,
    string LastUpdated,
    IReadOnlyList<ApiCategory> Tags,
    IReadOnlyList<ApiDatasetFile> Files,
    IReadOnlyList<ApiDatasetVersion> Versions
);

/// <summary><c>ApiCategory</c>.</summary>
internal sealed record ApiCategory(string Ref, string Name);

/// <summary><c>ApiDatasetFile</c>.</summary>
internal sealed record ApiDatasetFile(string Ref, string DatasetRef, string Name, string CreationDate, long TotalBytes);

/// <summary><c>ApiDatasetVersion</c>.</summary>
internal sealed record ApiDatasetVersion(
    int VersionNumber,
    string CreationDate,
    string CreatorName,
    string? VersionNotes,
    string Status
);
