namespace PHDB.Export.Writing.Sqlite;

/// <summary>
/// The SQLite format: every table in one file, <c>phdb.sqlite</c> at the export's root, with <c>STRICT</c> tables,
/// primary and foreign keys, the declared indexes and <c>ANALYZE</c> statistics. Timestamps are ISO-8601 UTC text
/// (<c>2024-03-01T08:01:00Z</c>, fractional seconds only when non-zero), dates <c>yyyy-MM-dd</c>, booleans 0/1.
/// </summary>
public sealed class SqliteFormat : IExportFormat
{
    /// <summary>The file's name at the export's root.</summary>
    public const string FileName = "phdb.sqlite";

    /// <inheritdoc />
    public string Name => "sqlite";

    /// <inheritdoc />
    public IFormatWriter Open(string exportRoot, FormatOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(exportRoot);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(exportRoot);
        return new SqliteFormatWriter(Path.Combine(exportRoot, FileName));
    }
}
