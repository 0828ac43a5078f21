using PHDB.Export.Schema;

namespace PHDB.Export.Tests.Formats;

/// <summary>How DuckDB is told to read the export's CSV: explicit dialect and column types, <c>""</c> an empty string.</summary>
public static class CsvDuckDb
{
    /// <summary>A <c>read_csv</c> call over <paramref name="path"/> (a file or a glob) holding rows of <paramref name="table"/>.</summary>
    public static string ReadCsv(ExportTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = string.Join(
            ", ",
            table.Columns.Select(c =>
                $"{FormatHarness.Literal(c.Name)}: {FormatHarness.Literal(FormatHarness.DuckDbType(c.Kind))}"
            )
        );
        return $"read_csv({FormatHarness.Literal(path)}, header = true, auto_detect = false, delim = ',', quote = '\"', "
            + $"escape = '\"', new_line = '\\n', allow_quoted_nulls = false, hive_partitioning = false, "
            + $"max_line_size = 4000000, columns = {{{columns}}})";
    }
}
