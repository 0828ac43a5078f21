using System.Security.Cryptography;
using System.Text;

namespace PHDB.ProductHunt;

/// <summary>Names an API application without revealing its token: the first 16 hex digits of the token's SHA-256.</summary>
public static class ApiTokenFingerprint
{
    /// <summary>The fingerprint of the configured token (or client id).</summary>
    public static string Of(ProductHuntOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = options.Token ?? options.ClientId ?? "";
        return "app-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..16];
    }

    /// <summary>The last four characters of the configured token (or client id), the only part ever shown.</summary>
    public static string HintOf(ProductHuntOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = options.Token ?? options.ClientId ?? "";
        return secret.Length > 8 ? "…" + secret[^4..] : "…";
    }
}
