using System.Text.RegularExpressions;

namespace PHDB.Cli.Configuration;

/// <summary>How a secret is shown: never whole, at most its last four characters.</summary>
internal static partial class SecretMask
{
    /// <summary>The mask's dots.</summary>
    public const string Dots = "••••";

    /// <summary>Secrets shorter than this show no characters at all.</summary>
    private const int RevealFrom = 12;

    /// <summary><c>••••abcd</c> for a long secret, <c>••••</c> for a short one.</summary>
    public static string Mask(string value) => value.Length >= RevealFrom ? Dots + value[^4..] : Dots;

    /// <summary>A connection string with its password masked and everything else as it is.</summary>
    public static string MaskConnectionString(string value) =>
        Password()
            .Replace(value, match => match.Groups["name"].Value + Mask(match.Groups["value"].Value.Trim('"', '\'')));

    /// <summary>Masks <paramref name="value"/> as <paramref name="key"/>'s kind of secret.</summary>
    public static string For(string key, string value) =>
        key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)
            ? MaskConnectionString(value)
            : Mask(value);

    [GeneratedRegex(
        """(?<name>(?:^|;)\s*(?:password|pwd)\s*=\s*)(?<value>"[^"]*"|'[^']*'|[^;]*)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
    )]
    private static partial Regex Password();
}
