namespace PHDB.Kaggle.StandIn.Wire;

/// <summary><c>IntrospectTokenRequest</c>.</summary>
internal sealed class IntrospectTokenRequest
{
    public string? Token { get; init; }
}
