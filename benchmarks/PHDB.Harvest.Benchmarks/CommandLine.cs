using System.Globalization;

namespace PHDB.Harvest.Benchmarks;

/// <summary>The benchmarks' <c>--name value</c> arguments.</summary>
internal static class CommandLine
{
    /// <summary>The value after <c>--name</c>, or <see langword="null"/>.</summary>
    public static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>The whole number after <c>--name</c>, or <paramref name="fallback"/>.</summary>
    public static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The comma-separated whole numbers after <c>--name</c>, or <paramref name="fallback"/>.</summary>
    public static int[] Numbers(string[] args, string name, int[] fallback) =>
        Text(args, name) is { } text
            ? [.. text.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))]
            : fallback;
}
