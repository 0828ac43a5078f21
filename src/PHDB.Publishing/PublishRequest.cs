using PHDB.Export;

namespace PHDB.Publishing;

/// <summary>What one publication does.</summary>
/// <param name="Dataset">The dataset, <c>owner/slug</c>; <c>null</c> for <c>Kaggle:Dataset</c>, else the export's metadata id.</param>
/// <param name="From">An existing export folder to publish; <c>null</c> to export first.</param>
/// <param name="Notes">Version notes replacing the generated release notes.</param>
/// <param name="DryRun">Plan and validate, send nothing.</param>
/// <param name="Export">The export to make when <paramref name="From"/> is <c>null</c>; <c>null</c> for <see cref="PublishingOptions"/>'s.</param>
/// <param name="Origin">Who asked: <c>cli</c>, <c>console</c>, <c>dashboard</c> or <c>schedule</c>.</param>
/// <param name="ResumableByCluster">
/// Cancelled means its host is going away and the cluster resumes it: the publication is left running, not
/// recorded as failed.
/// </param>
public sealed record PublishRequest(
    string? Dataset = null,
    string? From = null,
    string? Notes = null,
    bool DryRun = false,
    ExportRequest? Export = null,
    string Origin = "cli",
    bool ResumableByCluster = false
);
