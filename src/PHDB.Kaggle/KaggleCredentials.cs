using System.Net.Http.Headers;
using System.Text;

namespace PHDB.Kaggle;

/// <summary>
/// Who publishes: an API token (Bearer) or a legacy username and key (Basic). Never prints the secret:
/// <see cref="ToString"/> and <see cref="Masked"/> show at most its last 4 characters.
/// </summary>
public sealed class KaggleCredentials
{
    private readonly string secret;

    /// <summary>Creates credentials read from <paramref name="source"/>.</summary>
    public KaggleCredentials(KaggleAuthScheme scheme, string source, string secret, string? username = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        if (scheme == KaggleAuthScheme.Basic)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(username);
        }

        Scheme = scheme;
        Source = source;
        this.secret = secret;
        Username = username;
    }

    /// <summary>The scheme.</summary>
    public KaggleAuthScheme Scheme { get; }

    /// <summary>Where they were read, e.g. <c>KAGGLE_API_TOKEN</c> or <c>~/.kaggle/kaggle.json</c>.</summary>
    public string Source { get; }

    /// <summary>The account of a legacy key.</summary>
    public string? Username { get; }

    /// <summary>
    /// The secret's last 4 characters after an ellipsis, or the ellipsis alone when the secret is shorter than 8
    /// characters (showing 4 of a short secret would give too much of it away).
    /// </summary>
    public string Masked => secret.Length < 8 ? "\u2026" : "\u2026" + secret[^4..];

    /// <summary>The <c>Authorization</c> header value.</summary>
    public AuthenticationHeaderValue Header() =>
        Scheme == KaggleAuthScheme.Bearer
            ? new AuthenticationHeaderValue("Bearer", secret)
            : new AuthenticationHeaderValue(
                "Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{secret}"))
            );

    /// <summary><paramref name="text"/> with every occurrence of the secret replaced by <see cref="Masked"/>.</summary>
    internal string Redact(string text) => text.Replace(secret, Masked, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() =>
        Scheme == KaggleAuthScheme.Bearer
            ? $"API token {Masked} from {Source}"
            : $"key {Masked} of {Username} from {Source}";
}
