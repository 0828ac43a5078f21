using System.ComponentModel;
using System.Globalization;

namespace PHDB.Cli.Configuration;

/// <summary>The value types settings have: which are single values, how they are checked, shown and written.</summary>
internal static class SettingTypes
{
    /// <summary>Whether a property of <paramref name="type"/> is one setting (not a section).</summary>
    public static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive
            || t.IsEnum
            || t == typeof(string)
            || t == typeof(decimal)
            || t == typeof(TimeSpan)
            || t == typeof(DateTimeOffset)
            || t == typeof(DateTime)
            || t == typeof(Uri);
    }

    /// <summary>Whether the value is written to JSON as a number.</summary>
    public static bool IsNumber(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
        && (
            t == typeof(int)
            || t == typeof(long)
            || t == typeof(short)
            || t == typeof(double)
            || t == typeof(float)
            || t == typeof(decimal)
        );

    /// <summary>Whether the value is written to JSON as <c>true</c> or <c>false</c>.</summary>
    public static bool IsBoolean(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);

    /// <summary>Why <paramref name="value"/> is not a <paramref name="type"/>, or <see langword="null"/> when it is.</summary>
    public static string? Check(Type type, string value)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (t == typeof(Uri))
        {
            return Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _) ? null : "must be a URL";
        }

        try
        {
            _ = TypeDescriptor.GetConverter(t).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception e)
            when (e is FormatException or ArgumentException or NotSupportedException or OverflowException
                || e.InnerException is FormatException or OverflowException
            )
        {
            return "must be " + Describe(t);
        }
    }

    /// <summary>What a value of <paramref name="type"/> looks like.</summary>
    public static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(t));
        }

        return t switch
        {
            _ when t == typeof(bool) => "true or false",
            _ when t == typeof(int) || t == typeof(long) || t == typeof(short) => "a whole number",
            _ when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "a number",
            _ when t == typeof(TimeSpan) => "a duration such as 00:15:00 or 7.00:00:00",
            _ when t == typeof(DateTimeOffset) || t == typeof(DateTime) =>
                "a date and time such as 2026-06-01T00:00:00Z",
            _ => "a " + t.Name,
        };
    }

    /// <summary>A default value as configuration would spell it.</summary>
    public static string? Format(object? value) =>
        value switch
        {
            null => null,
            bool b => b ? "true" : "false",
            TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
            DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
}
