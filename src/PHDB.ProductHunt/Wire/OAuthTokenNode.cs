using System.Text.Json.Serialization;

namespace PHDB.ProductHunt.Wire;

internal sealed record OAuthTokenNode(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("scope")] string? Scope
);
