using System.Globalization;

namespace PHDB.Admin.Exports;

/// <summary>How the Exports page writes sizes, rows and progress.</summary>
public static class ExportText
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    /// <summary><paramref name="bytes"/> in the largest binary unit that keeps the number at least 1 (e.g. <c>1.5 MB</c>).</summary>
    public static string Size(long bytes)
    {
        var value = (double)Math.Max(0, bytes);
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }

    /// <summary>A row count with thousands separators.</summary>
    public static string Rows(long rows) => rows.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary><c>rows / expected</c>, or just the rows while the expected number is unknown.</summary>
    public static string Progress(long rows, long? expected) =>
        expected is { } total ? $"{Rows(rows)} / {Rows(total)}" : Rows(rows);

    /// <summary>The bar's percentage: rows of expected, capped at 100; 100 once the table is written.</summary>
    public static double Percent(long rows, long? expected, bool completed)
    {
        if (completed)
        {
            return 100;
        }

        return expected is > 0 ? Math.Min(100, 100.0 * rows / expected.Value) : 0;
    }
}
