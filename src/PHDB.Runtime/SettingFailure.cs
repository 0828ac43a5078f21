namespace PHDB.Runtime;

/// <summary>
/// A setting a host cannot start with: its full key (e.g. <c>Simulator:Scale</c>), the value it has (or
/// <see langword="null"/> when it is not set) and what is allowed.
/// </summary>
/// <param name="Key">The full configuration key.</param>
/// <param name="Value">The configured value, or <see langword="null"/> (or empty) when it is not set.</param>
/// <param name="Allowed">What the setting accepts, e.g. <c>a whole number from 10 to 5000000</c>.</param>
public sealed record SettingFailure(string Key, string? Value, string Allowed)
{
    /// <summary>
    /// The one line a host prints: <c>&lt;host&gt;: invalid setting &lt;Key&gt;='&lt;value&gt;': &lt;allowed&gt;</c>;
    /// a secret's value is never shown (<c>&lt;Key&gt;=(secret)</c>).
    /// </summary>
    public string Describe(string host) => $"{host}: {this}";

    /// <summary><c>invalid setting &lt;Key&gt;='&lt;value&gt;': &lt;allowed&gt;</c>, the line without its host.</summary>
    public override string ToString()
    {
        var value = Value switch
        {
            null or "" => " (not set)",
            _ when SecretSettings.IsSecret(Key) => "=(secret)",
            _ => $"='{OneLine(Value)}'",
        };
        return $"invalid setting {Key}{value}: {OneLine(Allowed)}";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
