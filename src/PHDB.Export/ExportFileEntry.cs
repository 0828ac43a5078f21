namespace PHDB.Export;

/// <summary>A file of a finished export, as its manifest lists it.</summary>
/// <param name="Path">Its path inside the export folder, with <c>/</c> separators.</param>
/// <param name="Format">csv, parquet or sqlite (or <c>card</c> for the data card's files).</param>
/// <param name="Tables">The tables it holds, with their rows.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
public sealed record ExportFileEntry(
    string Path,
    string Format,
    IReadOnlyDictionary<string, long> Tables,
    long Bytes,
    string Sha256
)
{
    /// <summary>Rows of every table in the file.</summary>
    public long Rows => Tables.Values.Sum();
}
