namespace PHDB.Export;

/// <summary>One file in <c>manifest.json</c>.</summary>
/// <param name="Path">Its path inside the export folder, with <c>/</c> separators.</param>
/// <param name="Format">csv, parquet or sqlite.</param>
/// <param name="Tables">The tables it holds with their rows.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
/// <param name="Schema">Its columns per table.</param>
public sealed record ManifestFile(
    string Path,
    string Format,
    IReadOnlyDictionary<string, long> Tables,
    long Bytes,
    string Sha256,
    IReadOnlyDictionary<string, IReadOnlyList<ManifestColumn>> Schema
);
