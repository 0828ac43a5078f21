using System.Security.Cryptography;

namespace PHDB.Testing.Admin;

/// <summary>Admin console passwords for test runs, handed to the AppHost as <c>--Parameters:admin-password=…</c>.</summary>
public static class AdminPassword
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>A new random password of 24 letters and digits.</summary>
    public static string Generate() => RandomNumberGenerator.GetString(Alphabet, 24);

    /// <summary>The AppHost argument that sets the console's password to <paramref name="password"/>.</summary>
    public static string AppHostArgument(string password) => $"--Parameters:admin-password={password}";
}
