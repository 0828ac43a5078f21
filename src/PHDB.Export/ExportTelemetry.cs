using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PHDB.Export;

/// <summary>The export's activity source and meter (both named <c>PHDB.Export</c>).</summary>
public static class ExportTelemetry
{
    /// <summary>The name of the source and the meter.</summary>
    public const string Name = "PHDB.Export";

    /// <summary>Spans of exports and their tables.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Rows written, tagged by table.</summary>
    public static readonly Counter<long> Rows = Meter.CreateCounter<long>(
        "phdb.export.rows",
        unit: "{row}",
        description: "Rows exported, by table."
    );

    /// <summary>Exports finished, tagged by outcome.</summary>
    public static readonly Counter<long> Exports = Meter.CreateCounter<long>(
        "phdb.export.runs",
        unit: "{export}",
        description: "Exports finished, by outcome."
    );
}
