using PHDB.Export.Writing;
using PHDB.Export.Writing.Csv;
using PHDB.Export.Writing.Parquet;
using PHDB.Export.Writing.Sqlite;

namespace PHDB.Export;

/// <summary>Every export format.</summary>
public static class ExportFormatRegistry
{
    /// <summary>One instance of each format.</summary>
    public static IReadOnlyList<IExportFormat> All { get; } =
    [new CsvFormat(), new ParquetFormat(), new SqliteFormat()];
}
