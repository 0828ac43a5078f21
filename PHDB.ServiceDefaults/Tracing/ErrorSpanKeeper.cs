using System.Diagnostics;
using OpenTelemetry;

namespace PHDB.ServiceDefaults.Tracing;

/// <summary>
/// Exports every span that ends in error, sampled or not (<see cref="KeepOrRecordSampler"/> records them all): it
/// marks the span as sampled before the exporter, which comes after it, sees it end.
/// </summary>
public sealed class ErrorSpanKeeper : BaseProcessor<Activity>
{
    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Status == ActivityStatusCode.Error && !data.Recorded)
        {
            data.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
        }
    }
}
