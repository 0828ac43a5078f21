namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiCreateDatasetVersionRequestBody</c>.</summary>
internal sealed class DatasetVersionBody
{
    public string? VersionNotes { get; init; }
    public bool DeleteOldVersions { get; init; }
    public List<DatasetNewFile>? Files { get; init; }
    public string? Subtitle { get; init; }
    public string? Description { get; init; }
    public List<string>? CategoryIds { get; init; }
}
