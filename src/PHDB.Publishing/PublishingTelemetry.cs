using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PHDB.Publishing;

/// <summary>The publications' activity source and meter (both named <c>PHDB.Publishing</c>).</summary>
public static class PublishingTelemetry
{
    /// <summary>The name of the source and the meter.</summary>
    public const string Name = "PHDB.Publishing";

    /// <summary>A span per publication (and per resume).</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Publications finished, tagged by outcome.</summary>
    public static readonly Counter<long> Publications = Meter.CreateCounter<long>(
        "phdb.publishing.publications",
        unit: "{publication}",
        description: "Publications finished, by outcome."
    );
}
