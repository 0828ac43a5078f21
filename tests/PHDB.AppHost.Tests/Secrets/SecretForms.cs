using System.Text;

namespace PHDB.AppHost.Tests.Secrets;

/// <summary>
/// The ways a secret can appear in text or bytes: itself, URL-encoded, as hexadecimal, and base64-encoded at each of
/// the three byte alignments it can have inside a longer encoded value (e.g. <c>Basic base64(user:password)</c>).
/// </summary>
public sealed class SecretForms
{
    private readonly List<(string Form, byte[] Bytes)> forms = [];

    /// <summary>The forms of <paramref name="secret"/> (at least 16 characters, so no form is a short accident).</summary>
    /// <param name="name">What the secret is, for messages.</param>
    /// <param name="secret">The secret.</param>
    public SecretForms(string name, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (secret.Length < 16)
        {
            throw new ArgumentException("A secret to look for has at least 16 characters.", nameof(secret));
        }

        Name = name;
        var bytes = Encoding.UTF8.GetBytes(secret);
        var texts = new HashSet<string>(StringComparer.Ordinal)
        {
            secret,
            Uri.EscapeDataString(secret),
            Convert.ToHexStringLower(bytes),
            Convert.ToHexString(bytes),
        };
        for (var offset = 0; offset < 3; offset++)
        {
            // Characters that depend only on the secret's bytes, whatever surrounds it.
            var encoded = Convert.ToBase64String([.. new byte[offset], .. bytes]);
            var start = offset == 0 ? 0 : 4;
            texts.Add(encoded[start..(encoded.Length - 4)]);
        }

        foreach (var text in texts)
        {
            forms.Add((text, Encoding.UTF8.GetBytes(text)));
        }
    }

    /// <summary>What the secret is (e.g. "the Product Hunt token").</summary>
    public string Name { get; }

    /// <summary>The first form of the secret found in <paramref name="text"/>, or null.</summary>
    public string? FindIn(string text)
    {
        foreach (var (form, _) in forms)
        {
            if (text.Contains(form, StringComparison.OrdinalIgnoreCase))
            {
                return form;
            }
        }

        return null;
    }

    /// <summary>The first form of the secret found in <paramref name="bytes"/>, or null.</summary>
    public string? FindIn(ReadOnlySpan<byte> bytes)
    {
        foreach (var (form, formBytes) in forms)
        {
            if (bytes.IndexOf(formBytes) >= 0)
            {
                return form;
            }
        }

        return null;
    }
}
