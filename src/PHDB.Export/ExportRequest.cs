namespace PHDB.Export;

/// <summary>What one export writes.</summary>
/// <param name="Formats">Formats to write: any of <see cref="ExportFormats.All"/>.</param>
/// <param name="Layout">Table layout: <c>phdb</c> (PHDB's tables) or <c>producthuntdb</c> (the original dataset's).</param>
/// <param name="Gzip">Compress CSV files with gzip.</param>
/// <param name="PartitionByMonth">Write the large tables (votes, comments, snapshots) Hive-style by month.</param>
/// <param name="Tables">Only these tables of the layout; <c>null</c> for all.</param>
/// <param name="Output">
/// The folder to write; <c>null</c> for <c>&lt;exports directory&gt;/&lt;UTC timestamp&gt;</c>, which also moves the
/// <c>latest</c> link and applies retention.
/// </param>
/// <param name="Force">Replace <paramref name="Output"/> if it exists.</param>
/// <param name="Keep">Exports to keep in the exports directory; <c>null</c> for the configured number.</param>
/// <param name="Name">
/// The folder name in the exports directory (when <paramref name="Output"/> is <c>null</c>); <c>null</c> for the UTC
/// timestamp (<see cref="ExportRunner.NameAt"/>). A caller that must know the name before the export starts sets it.
/// </param>
public sealed record ExportRequest(
    IReadOnlyList<string> Formats,
    string Layout = "phdb",
    bool Gzip = false,
    bool PartitionByMonth = false,
    IReadOnlyList<string>? Tables = null,
    string? Output = null,
    bool Force = false,
    int? Keep = null,
    string? Name = null
)
{
    /// <summary>All formats, PHDB's layout, into the exports directory.</summary>
    public static ExportRequest Default { get; } = new(ExportFormats.All);
}
