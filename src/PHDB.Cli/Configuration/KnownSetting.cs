namespace PHDB.Cli.Configuration;

/// <summary>A setting <c>phdb config</c> knows: its key, type, default, meaning, and whether it is a secret.</summary>
/// <param name="Key">The configuration key, e.g. <c>Phdb:Silos</c>.</param>
/// <param name="Type">The value's type (how it is checked and written).</param>
/// <param name="Default">The default as shown, or <see langword="null"/> when unset by default.</param>
/// <param name="Description">What it means (empty for options found by reflection).</param>
/// <param name="Secret">Never shown whole; written to the user secrets.</param>
/// <param name="Check">A check of the value beyond its type: the reason it is invalid, or <see langword="null"/>.</param>
internal sealed record KnownSetting(
    string Key,
    Type Type,
    string? Default,
    string Description,
    bool Secret = false,
    Func<string, string?>? Check = null
)
{
    /// <summary>Whether <paramref name="key"/> names a secret: anything under <c>Parameters</c> or <c>ConnectionStrings</c>, or a token, secret or password.</summary>
    public static bool IsSecretKey(string key) =>
        key.StartsWith("Parameters:", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)
        || key.Split(':')
            .Any(segment =>
                segment.Contains("token", StringComparison.OrdinalIgnoreCase)
                || segment.Contains("secret", StringComparison.OrdinalIgnoreCase)
                || segment.Contains("password", StringComparison.OrdinalIgnoreCase)
            );

    /// <summary>Why <paramref name="value"/> is invalid for this setting, or <see langword="null"/>.</summary>
    public string? Validate(string value) => SettingTypes.Check(Type, value) ?? Check?.Invoke(value);
}
