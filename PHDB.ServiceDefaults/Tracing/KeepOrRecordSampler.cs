using OpenTelemetry.Trace;

namespace PHDB.ServiceDefaults.Tracing;

/// <summary>
/// Parent-based ratio sampling that never drops a span: a trace's root is exported for a share of traces
/// (<see cref="TraceIdRatioBasedSampler"/>), every span follows its parent, and a span not exported is still recorded, so
/// that its children keep their trace and <see cref="ErrorSpanKeeper"/> can export it if it ends in error.
/// </summary>
public sealed class KeepOrRecordSampler : Sampler
{
    private static readonly SamplingResult Record = new(SamplingDecision.RecordOnly);
    private static readonly SamplingResult Export = new(SamplingDecision.RecordAndSample);

    private readonly TraceIdRatioBasedSampler roots;

    /// <summary>Exports <paramref name="ratio"/> of the traces (0 to 1).</summary>
    public KeepOrRecordSampler(double ratio)
    {
        roots = new TraceIdRatioBasedSampler(ratio);
        Description = $"KeepOrRecord({ratio:0.####})";
    }

    /// <inheritdoc />
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        var parent = samplingParameters.ParentContext;
        if (parent.TraceId != default)
        {
            return (parent.TraceFlags & System.Diagnostics.ActivityTraceFlags.Recorded) != 0 ? Export : Record;
        }

        return roots.ShouldSample(samplingParameters).Decision == SamplingDecision.RecordAndSample ? Export : Record;
    }
}
