namespace PHDB.Kaggle.StandIn;

/// <summary>
/// A request the stand-in answered: its method, its path without the query string, and its status
/// (499 when the connection was aborted before an answer was sent).
/// </summary>
public sealed record StandInRequest(string Method, string Path, int Status)
{
    /// <summary>The status recorded for a request whose connection was aborted before an answer.</summary>
    public const int Aborted = 499;
}
