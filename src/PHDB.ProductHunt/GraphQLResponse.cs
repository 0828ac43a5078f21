using System.Text.Json;

namespace PHDB.ProductHunt;

/// <summary>A GraphQL answer that carried data: the parsed body, the budget it reported and the attempts it took.</summary>
internal sealed record GraphQLResponse(JsonDocument Document, RateLimitSnapshot Budget, int Attempts, int Status)
    : IDisposable
{
    public void Dispose() => Document.Dispose();
}
