using System.Security.Cryptography;
using System.Text;

namespace PHDB.Migrations;

/// <summary>
/// A password as PostgreSQL stores it for SCRAM-SHA-256 authentication (RFC 5802, RFC 7677), computed here so that
/// <c>ALTER ROLE … PASSWORD</c> carries the verifier, never the password: nothing the server logs or keeps reveals it.
/// </summary>
public static class ScramVerifier
{
    /// <summary>The iteration count PostgreSQL uses by default.</summary>
    public const int Iterations = 4096;

    /// <summary>
    /// <c>SCRAM-SHA-256$&lt;iterations&gt;:&lt;salt&gt;$&lt;StoredKey&gt;:&lt;ServerKey&gt;</c> for
    /// <paramref name="password"/> with a random salt.
    /// </summary>
    public static string Create(string password) => Create(password, RandomNumberGenerator.GetBytes(16));

    /// <summary>The verifier of <paramref name="password"/> with <paramref name="salt"/> (tests compare with the server's).</summary>
    public static string Create(string password, byte[] salt)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        ArgumentNullException.ThrowIfNull(salt);
        var salted = Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(password),
            salt,
            Iterations,
            HashAlgorithmName.SHA256,
            32
        );
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
