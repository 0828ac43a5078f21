using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PHDB.Kaggle;

/// <summary>
/// The client's activity source and meter, both named <c>PHDB.Kaggle</c>. No activity, tag or measurement carries a
/// credential or an upload address.
/// </summary>
public static class KaggleTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "PHDB.Kaggle";

    /// <summary>One client activity per API method called and per file uploaded.</summary>
    public static ActivitySource Source { get; } = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Requests sent, tagged with the method (<c>kaggle.method</c>) and the outcome (<c>kaggle.outcome</c>).</summary>
    internal static Counter<long> Requests { get; } =
        Meter.CreateCounter<long>(
            "phdb.kaggle.requests",
            description: "Requests sent to Kaggle, by method and outcome."
        );

    /// <summary>Retries after transient faults, tagged with the method.</summary>
    internal static Counter<long> Retries { get; } =
        Meter.CreateCounter<long>("phdb.kaggle.retries", description: "Requests retried after a transient fault.");

    /// <summary>Upload bytes Kaggle confirmed holding.</summary>
    internal static Counter<long> BytesUploaded { get; } =
        Meter.CreateCounter<long>("phdb.kaggle.upload.bytes", unit: "By", description: "Bytes uploaded and confirmed.");

    /// <summary>Records one request's outcome (<c>ok</c>, <c>http_NNN</c>, <c>connection</c>, <c>timeout</c>).</summary>
    internal static void Request(string method, string outcome) =>
        Requests.Add(
            1,
            new KeyValuePair<string, object?>("kaggle.method", method),
            new KeyValuePair<string, object?>("kaggle.outcome", outcome)
        );
}
