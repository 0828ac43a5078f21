using System.Globalization;

namespace PHDB.Export.Writing.Sqlite;

/// <summary>How timestamps and dates are written as SQLite text.</summary>
internal static class SqliteValues
{
    // F (not f) drops trailing zeros and, when the fraction is zero, the decimal point too.
    private const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";

    /// <summary>ISO-8601 in UTC: <c>2024-03-01T08:01:00Z</c>, with fractional seconds only when non-zero.</summary>
    public static string Timestamp(DateTime value) =>
        (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString(
            TimestampFormat,
            CultureInfo.InvariantCulture
        );

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
}
