using System.Security.Cryptography;
using System.Text;

namespace PHDB.Webhooks;

/// <summary>
/// The signature of a delivery: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the
/// subscriber's secret (UTF-8), sent in <see cref="Header"/>.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string Header = "PHDB-Signature";

    private const string Prefix = "sha256=";

    /// <summary>The header value for <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Whether <paramref name="header"/> is the signature of <paramref name="body"/> (compared in constant time).</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header));
    }
}
