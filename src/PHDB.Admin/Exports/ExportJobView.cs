using PHDB.Export;

namespace PHDB.Admin.Exports;

/// <summary>The console's current (or last) export, as the Exports page shows it.</summary>
/// <param name="State">Running, succeeded or failed (idle before the first export).</param>
/// <param name="Name">The export's folder name, once known.</param>
/// <param name="Request">What was asked for.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it succeeded or failed.</param>
/// <param name="Tables">How far each table is, in the order the tables started.</param>
/// <param name="Error">Why it failed, in one line.</param>
/// <param name="Failure">The kind of failure, when it failed with one.</param>
/// <param name="Result">The finished export, when it succeeded.</param>
public sealed record ExportJobView(
    ExportJobState State,
    string? Name,
    ExportRequest? Request,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<ExportProgress> Tables,
    string? Error,
    ExportFailure? Failure,
    ExportResult? Result
)
{
    /// <summary>No export yet.</summary>
    public static ExportJobView Idle { get; } = new(ExportJobState.Idle, null, null, null, null, [], null, null, null);

    /// <summary>Whether an export is being written.</summary>
    public bool IsRunning => State == ExportJobState.Running;

    /// <summary>How long the export ran, up to <paramref name="now"/> while it runs.</summary>
    public TimeSpan Elapsed(DateTimeOffset now) =>
        StartedAt is { } started ? (FinishedAt ?? now) - started : TimeSpan.Zero;
}
