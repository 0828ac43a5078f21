namespace PHDB.Simulator.Configuration;

/// <summary>How the rate limit charges a request: the live API's accounting is reported both ways.</summary>
public enum RequestCostModel
{
    /// <summary>A flat <see cref="RateLimitOptions.CostPerRequest"/>, whatever the query.</summary>
    Flat,

    /// <summary>The query's complexity, counted the graphql-ruby way.</summary>
    Complexity,

    /// <summary>The larger of the two.</summary>
    FlatOrComplexity,
}
