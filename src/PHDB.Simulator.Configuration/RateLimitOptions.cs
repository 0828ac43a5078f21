using System.ComponentModel.DataAnnotations;

namespace PHDB.Simulator.Configuration;

/// <summary>The per-application fixed, lazy rate-limit window of the GraphQL endpoint.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Points per window.</summary>
    [Range(1, int.MaxValue)]
    public int Points { get; set; } = 6250;

    /// <summary>Window length in seconds (real time).</summary>
    [Range(0.001, 1_000_000)]
    public double WindowSeconds { get; set; } = 900;

    /// <summary>Points one request costs under the <see cref="RequestCostModel.Flat"/> model, whatever its shape.</summary>
    [Range(0, int.MaxValue)]
    public int CostPerRequest { get; set; } = 100;

    /// <summary>
    /// What a request is charged: a flat <see cref="CostPerRequest"/>, its complexity, or the larger of the two. A
    /// request is let through while the budget is above zero and charged its complexity once it is counted; one
    /// refused (too complex, malformed) or answered with an injected fault is charged only the flat part.
    /// </summary>
    [EnumDataType(typeof(RequestCostModel))]
    public RequestCostModel CostModel { get; set; } = RequestCostModel.Flat;
}
