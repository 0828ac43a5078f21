namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiCreateDatasetRequest</c>.</summary>
internal sealed class CreateDatasetRequest
{
    public int? Id { get; init; }
    public string? OwnerSlug { get; init; }
    public string? Slug { get; init; }
    public string? Title { get; init; }
    public string? LicenseName { get; init; }
    public bool IsPrivate { get; init; }
    public List<DatasetNewFile>? Files { get; init; }
    public string? Subtitle { get; init; }
    public string? Description { get; init; }
    public List<string>? CategoryIds { get; init; }
}
