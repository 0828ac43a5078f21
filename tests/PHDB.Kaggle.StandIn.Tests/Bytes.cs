namespace PHDB.Kaggle.StandIn.Tests;

/// <summary>Deterministic test content.</summary>
internal static class Bytes
{
    public static byte[] Of(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string Sha256(byte[] bytes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
