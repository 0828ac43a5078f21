namespace PHDB.ProductHunt;

/// <summary>The token is missing, invalid or revoked (HTTP 401), or the client credentials were refused.</summary>
public sealed class ProductHuntAuthenticationException(string message, int? statusCode = 401)
    : ProductHuntApiException(message, statusCode);
