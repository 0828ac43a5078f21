using System.Text;

namespace PHDB.Kaggle.Tests;

/// <summary>Credentials show at most their secret's last 4 characters and build the right Authorization header.</summary>
public sealed class CredentialsTests
{
    [Fact]
    public void Masked_shows_an_ellipsis_and_the_last_four_characters()
    {
        var token = new KaggleCredentials(KaggleAuthScheme.Bearer, "KAGGLE_API_TOKEN", "KGAT_0123456789abcdefa1b2");

        Assert.Equal("\u2026a1b2", token.Masked);
        Assert.Equal("\u2026", new KaggleCredentials(KaggleAuthScheme.Bearer, "x", "1234567").Masked);
        Assert.Equal("\u20265678", new KaggleCredentials(KaggleAuthScheme.Bearer, "x", "12345678").Masked);
    }

    [Fact]
    public void ToString_names_the_source_and_never_the_secret()
    {
        const string Secret = "0123456789abcdef0123456789abcdef";
        var key = new KaggleCredentials(KaggleAuthScheme.Basic, "~/.kaggle/kaggle.json", Secret, "alice");

        var text = key.ToString();

        Assert.Contains("~/.kaggle/kaggle.json", text, StringComparison.Ordinal);
        Assert.Contains("alice", text, StringComparison.Ordinal);
        Assert.Contains("\u2026cdef", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..^4], text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_is_Bearer_for_a_token_and_Basic_username_colon_key_for_a_legacy_key()
    {
        var token = new KaggleCredentials(KaggleAuthScheme.Bearer, "Kaggle:ApiToken", "KGAT_token");
        var key = new KaggleCredentials(KaggleAuthScheme.Basic, "KAGGLE_USERNAME and KAGGLE_KEY", "k3y", "alice");

        Assert.Equal("Bearer KGAT_token", token.Header().ToString());
        Assert.Equal("Basic YWxpY2U6azN5", key.Header().ToString());
        Assert.Equal("alice:k3y", Encoding.UTF8.GetString(Convert.FromBase64String(key.Header().Parameter!)));
    }

    [Fact]
    public void A_legacy_key_needs_a_username()
    {
        Assert.ThrowsAny<ArgumentException>(() => new KaggleCredentials(KaggleAuthScheme.Basic, "x", "secret-key"));
    }
}
