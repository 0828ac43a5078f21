namespace PHDB.ProductHunt;

/// <summary>The query is over the server's complexity cap: "Query has complexity of N, which exceeds max complexity of M".</summary>
public sealed class ProductHuntComplexityException(
    string message,
    IReadOnlyList<string> serverMessages,
    int complexity,
    int maxComplexity
) : ProductHuntQueryRejectedException(message, serverMessages)
{
    /// <summary>The complexity the server computed for the query.</summary>
    public int Complexity { get; } = complexity;

    /// <summary>The server's cap.</summary>
    public int MaxComplexity { get; } = maxComplexity;
}
