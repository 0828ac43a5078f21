namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiCreateDatasetVersionRequest</c> and <c>ApiCreateDatasetVersionByIdRequest</c> (one shape, both keys).</summary>
internal sealed class CreateDatasetVersionRequest
{
    public int Id { get; init; }
    public string? OwnerSlug { get; init; }
    public string? DatasetSlug { get; init; }
    public DatasetVersionBody? Body { get; init; }
}
