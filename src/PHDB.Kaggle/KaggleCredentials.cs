using System.Net.Http.Headers;

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

    /// <summary>The secret's last 4 characters after an ellipsis.</summary>
    public string Masked => throw new NotImplementedException();

    /// <summary>The <c>Authorization</c> header value.</summary>
    public AuthenticationHeaderValue Header() => throw new NotImplementedException();

    /// <inheritdoc />
    public override string ToString() => throw new NotImplementedException();
}
