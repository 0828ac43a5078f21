namespace PHDB.Export;

/// <summary>A finished export.</summary>
/// <param name="Name">The export's folder name.</param>
/// <param name="Directory">The export's folder.</param>
/// <param name="Layout">The table layout written.</param>
/// <param name="Formats">The formats written.</param>
/// <param name="SnapshotAt">When the database snapshot it reads was taken.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="Tables">Rows per table.</param>
/// <param name="Files">Every file with its rows, size and checksum.</param>
/// <param name="VoteSpikes">Vote spikes found and recorded as quality findings.</param>
/// <param name="Removed">Older exports removed by retention.</param>
public sealed record ExportResult(
    string Name,
    string Directory,
    string Layout,
    IReadOnlyList<string> Formats,
    DateTimeOffset SnapshotAt,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<ExportFileEntry> Files,
    int VoteSpikes,
    IReadOnlyList<string> Removed
)
{
    /// <summary>Bytes of every file.</summary>
    public long Bytes => Files.Sum(f => f.Bytes);
}
