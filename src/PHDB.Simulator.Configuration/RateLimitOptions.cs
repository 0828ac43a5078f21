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

    /// <summary>Points one request costs, whatever its shape.</summary>
    [Range(0, int.MaxValue)]
    public int CostPerRequest { get; set; } = 100;
}
