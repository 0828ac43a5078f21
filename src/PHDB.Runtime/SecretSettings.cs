namespace PHDB.Runtime;

/// <summary>Which settings hold secrets, whose values are never printed.</summary>
public static class SecretSettings
{
    private static readonly string[] SecretWords = ["token", "secret", "password", "apikey"];

    /// <summary>
    /// Whether <paramref name="key"/> holds a secret: AppHost parameters, connection strings (they carry passwords),
    /// and any key with a token, secret, password or key in its name.
    /// </summary>
    public static bool IsSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith("Parameters:", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)
            || key.Split(':')
                .Any(segment =>
                    segment.EndsWith("Key", StringComparison.OrdinalIgnoreCase)
                    || SecretWords.Any(word => segment.Contains(word, StringComparison.OrdinalIgnoreCase))
                );
    }
}
