using PHDB.Domain;

namespace PHDB.ProductHunt;

/// <summary>Who the token belongs to and the budget, as the <c>viewer</c> query reported them.</summary>
/// <param name="User">The token's owner; null for a public-scope (client credentials) token.</param>
/// <param name="Budget">The budget the answer reported.</param>
public sealed record ViewerInfo(User? User, RateLimitSnapshot Budget);
