namespace PHDB.Export.Writing;

/// <summary>A file an export wrote.</summary>
/// <param name="Path">Its path inside the export folder, with <c>/</c> separators (<c>csv/posts.csv</c>).</param>
/// <param name="Format">The format that wrote it (<c>csv</c>, <c>parquet</c>, <c>sqlite</c>).</param>
/// <param name="Tables">The tables it holds with their rows: one for CSV and Parquet, every table for SQLite.</param>
public sealed record ExportedFile(string Path, string Format, IReadOnlyDictionary<string, long> Tables)
{
    /// <summary>The rows of every table in the file.</summary>
    public long Rows => Tables.Values.Sum();
}
