namespace PHDB.ProductHunt;

/// <summary>A fault that may pass: 5xx, a timeout, a dropped connection, a malformed or truncated body, an internal GraphQL error.</summary>
public class ProductHuntTransientException(string message, int? statusCode = null, Exception? innerException = null)
    : ProductHuntApiException(message, statusCode, innerException)
{
    /// <inheritdoc />
    public override bool IsTransient => true;
}
