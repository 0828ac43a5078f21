namespace PHDB.Kaggle.StandIn;

/// <summary>A dataset as the stand-in keeps it (mutable, guarded by the store's lock).</summary>
internal sealed class DatasetEntry(int id, string owner, string slug)
{
    public int Id { get; } = id;
    public string Owner { get; } = owner;
    public string Slug { get; } = slug;
    public required string Title { get; set; }
    public string? Subtitle { get; set; }
    public string? Description { get; set; }
    public required string LicenseName { get; set; }
    public bool IsPrivate { get; set; }
    public List<string> Tags { get; } = [];
    public List<VersionEntry> Versions { get; } = [];
    public VersionEntry Current => Versions[^1];
    public string Ref => $"{Owner}/{Slug}";

    public StandInDataset Snapshot() =>
        new(
            Owner,
            Slug,
            Title,
            Subtitle,
            Description,
            LicenseName,
            IsPrivate,
            [.. Versions.Select(v => new StandInVersion(v.Number, v.Notes, [.. v.Files], v.CreatedAt))]
        );
}
