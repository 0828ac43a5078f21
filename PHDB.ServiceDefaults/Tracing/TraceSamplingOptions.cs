using System.ComponentModel.DataAnnotations;

namespace PHDB.ServiceDefaults.Tracing;

/// <summary>How many traces a host exports (<c>Telemetry:Traces</c>). Metrics are never sampled.</summary>
public sealed class TraceSamplingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Telemetry:Traces";

    /// <summary>
    /// The share of traces exported, from 0 (only spans that end in error) to 1 (every span). A trace is kept or
    /// left whole: its root decides, every span beneath follows.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SampleRatio { get; set; } = 0.05;
}
