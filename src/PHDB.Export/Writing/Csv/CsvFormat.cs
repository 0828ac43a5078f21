namespace PHDB.Export.Writing.Csv;

/// <summary>
/// CSV (RFC 4180, UTF-8 without BOM, <c>\n</c> line ends, one header row): <c>csv/&lt;table&gt;.csv</c>, or
/// <c>.csv.gz</c> with <see cref="FormatOptions.Gzip"/>. NULL is an empty field and the empty string <c>""</c>;
/// booleans <c>true</c>/<c>false</c>; timestamps ISO-8601 in UTC with <c>Z</c>; dates <c>yyyy-MM-dd</c>.
/// </summary>
public sealed class CsvFormat : IExportFormat
{
    /// <summary>The format's name.</summary>
    public const string FormatName = "csv";

    /// <inheritdoc />
    public string Name => FormatName;

    /// <inheritdoc />
    public IFormatWriter Open(string exportRoot, FormatOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(exportRoot);
        ArgumentNullException.ThrowIfNull(options);
        return new FileFormatWriter((table, written) => new CsvTableWriter(table, exportRoot, options, written));
    }
}
