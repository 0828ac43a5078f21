namespace PHDB.Export.Writing.Parquet;

/// <summary>
/// Parquet: <c>parquet/&lt;table&gt;.parquet</c>, typed columns (int64, int32, double, boolean, UTC
/// <c>TIMESTAMP(MICROS)</c>, <c>DATE</c>, UTF-8 strings) with the table's nullability, zstd-compressed, dictionary
/// encoding and statistics on, in row groups of <see cref="FormatOptions.RowGroupRows"/> rows.
/// </summary>
public sealed class ParquetFormat : IExportFormat
{
    /// <summary>The format's name.</summary>
    public const string FormatName = "parquet";

    /// <inheritdoc />
    public string Name => FormatName;

    /// <inheritdoc />
    public IFormatWriter Open(string exportRoot, FormatOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(exportRoot);
        ArgumentNullException.ThrowIfNull(options);
        return new FileFormatWriter((table, written) => new ParquetTableWriter(table, exportRoot, options, written));
    }
}
