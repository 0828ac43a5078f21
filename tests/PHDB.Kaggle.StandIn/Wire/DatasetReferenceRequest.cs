namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiGetDatasetRequest</c> and <c>ApiGetDatasetStatusRequest</c>.</summary>
internal sealed class DatasetReferenceRequest
{
    public string? OwnerSlug { get; init; }
    public string? DatasetSlug { get; init; }
}
