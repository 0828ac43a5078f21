using PHDB.Export;

namespace PHDB.Cli.Output;

/// <summary>The <c>--json</c> shape of <c>phdb export</c> (documented in docs/cli.md).</summary>
internal sealed record ExportReportJson(
    string Name,
    string Directory,
    string Layout,
    IReadOnlyList<string> Formats,
    DateTimeOffset SnapshotAt,
    double Seconds,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<ExportJsonFile> Files,
    int VoteSpikes,
    IReadOnlyList<string> Removed
)
{
    public static ExportReportJson From(ExportResult result) =>
        new(
            result.Name,
            result.Directory,
            result.Layout,
            result.Formats,
            result.SnapshotAt,
            Math.Round(result.Elapsed.TotalSeconds, 3),
            result.Tables,
            [.. result.Files.Select(f => new ExportJsonFile(f.Path, f.Format, f.Rows, f.Bytes, f.Sha256))],
            result.VoteSpikes,
            result.Removed
        );
}
