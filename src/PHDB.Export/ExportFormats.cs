namespace PHDB.Export;

/// <summary>The names of the export formats.</summary>
public static class ExportFormats
{
    /// <summary>RFC 4180 CSV, one file per table.</summary>
    public const string Csv = "csv";

    /// <summary>Apache Parquet, one file (or one per month) per table.</summary>
    public const string Parquet = "parquet";

    /// <summary>One SQLite database with every table.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>Every format, in the order they are listed.</summary>
    public static IReadOnlyList<string> All { get; } = [Csv, Parquet, Sqlite];
}
