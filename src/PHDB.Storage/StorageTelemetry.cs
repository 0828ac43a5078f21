using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PHDB.Storage;

/// <summary>The activity source and meter of harvest storage, both named <see cref="Name"/>.</summary>
public static class StorageTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "PHDB.Storage";

    /// <summary>Activities: one per batch write and per read query.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>Metrics of batch writes.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Rows written, tagged with <c>entity</c> and <c>change</c> (inserted, updated, deleted, unchanged).</summary>
    internal static readonly Counter<long> Rows = Meter.CreateCounter<long>(
        "phdb.storage.rows",
        unit: "{row}",
        description: "Rows a harvest batch inserted, updated, deleted or left unchanged."
    );

    /// <summary>Duration of a batch write.</summary>
    internal static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>(
        "phdb.storage.batch.duration",
        unit: "s",
        description: "Time to write one harvest batch, transaction included."
    );
}
