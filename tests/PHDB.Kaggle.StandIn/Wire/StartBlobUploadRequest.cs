namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiStartBlobUploadRequest</c>.</summary>
internal sealed class StartBlobUploadRequest
{
    public string? Type { get; init; }
    public string? Name { get; init; }
    public string? ContentType { get; init; }
    public long ContentLength { get; init; }
    public long? LastModifiedEpochSeconds { get; init; }
}
