namespace PHDB.Kaggle.Http;

/// <summary>An answer worth retrying (408, 429, 5xx, or an unreadable answer): the retry pipeline handles it.</summary>
internal sealed class TransientFailure(string message, int? statusCode = null, TimeSpan? retryAfter = null)
    : Exception(message)
{
    /// <summary>The HTTP status, when Kaggle answered.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>The wait Kaggle asked for (<c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
