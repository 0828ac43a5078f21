namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>IntrospectTokenResponse</c>.</summary>
internal sealed record IntrospectTokenResponse(bool Active, string Username, string ClientId, string Scope);
