using PHDB.Domain;

namespace PHDB.ProductHunt;

/// <summary>A value from the API broke the schema's or PHDB's rules; names the field, the value and the reason.</summary>
public sealed class DataValidationException(string field, string? value, string reason)
    : PhdbException($"Invalid value for '{field}' ({Shorten(value)}): {reason}")
{
    /// <summary>The field, as a path from the node (e.g. <c>makers[2].id</c>).</summary>
    public string Field { get; } = field;

    /// <summary>The offending value as text (null when it was null).</summary>
    public string? Value { get; } = value;

    /// <summary>Why the value was refused.</summary>
    public string Reason { get; } = reason;

    private static string Shorten(string? value) =>
        value is null ? "null"
        : value.Length <= 80 ? $"\"{value}\""
        : $"\"{value[..80]}…\"";
}
