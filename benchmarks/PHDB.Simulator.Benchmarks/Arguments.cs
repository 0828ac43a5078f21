using System.Globalization;

namespace PHDB.Simulator.Benchmarks;

/// <summary>Reads <c>--name value</c> pairs.</summary>
internal static class Arguments
{
    public static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
