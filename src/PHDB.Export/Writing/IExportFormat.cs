namespace PHDB.Export.Writing;

/// <summary>One output format of an export (CSV, Parquet, SQLite).</summary>
public interface IExportFormat
{
    /// <summary>The format's name as <c>--format</c> takes it: <c>csv</c>, <c>parquet</c> or <c>sqlite</c>.</summary>
    string Name { get; }

    /// <summary>Starts writing this format's files under <paramref name="exportRoot"/> (the export's folder).</summary>
    IFormatWriter Open(string exportRoot, FormatOptions options);
}
