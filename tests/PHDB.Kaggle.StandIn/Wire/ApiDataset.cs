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
