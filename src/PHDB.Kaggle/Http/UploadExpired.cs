namespace PHDB.Kaggle.Http;

/// <summary>The upload address answered 404 or 410: the session expired and a new StartBlobUpload is needed.</summary>
internal sealed class UploadExpired(int statusCode) : Exception($"The upload session expired (HTTP {statusCode}).")
{
    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; } = statusCode;
}
