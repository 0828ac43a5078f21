namespace PHDB.Kaggle.StandIn;

/// <summary>A dataset held by the stand-in, as a snapshot.</summary>
public sealed record StandInDataset(
    string Owner,
    string Slug,
    string Title,
    string? Subtitle,
    string? Description,
    string LicenseName,
    bool IsPrivate,
    IReadOnlyList<StandInVersion> Versions
)
{
    /// <summary><c>owner/slug</c>.</summary>
    public string Ref => $"{Owner}/{Slug}";

    /// <summary>The newest version (the dataset always has one).</summary>
    public StandInVersion CurrentVersion => Versions[^1];
}
