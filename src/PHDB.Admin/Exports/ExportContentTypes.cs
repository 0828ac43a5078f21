namespace PHDB.Admin.Exports;

/// <summary>The content types of an export's files, by extension.</summary>
public static class ExportContentTypes
{
    /// <summary>The type of a file no other type fits.</summary>
    public const string Fallback = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = "text/csv",
        [".gz"] = "application/gzip",
        [".parquet"] = "application/vnd.apache.parquet",
        [".sqlite"] = "application/vnd.sqlite3",
        [".sqlite3"] = "application/vnd.sqlite3",
        [".db"] = "application/vnd.sqlite3",
        [".json"] = "application/json",
        [".md"] = "text/markdown",
    };

    /// <summary>The content type of <paramref name="path"/> (a gzipped CSV is <c>application/gzip</c>).</summary>
    public static string Of(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : Fallback;
}
