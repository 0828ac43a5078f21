namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>ApiCreateDatasetResponse</c>: <c>status</c> "ok" with <c>ref</c>/<c>url</c>, or "error" with <c>error</c>.</summary>
internal sealed record CreateDatasetResponse(
    string? Ref,
    string? Url,
    string Status,
    string? Error,
    IReadOnlyList<string>? InvalidTags
)
{
    public static CreateDatasetResponse Failure(string error) => new(null, null, "error", error, null);
}
