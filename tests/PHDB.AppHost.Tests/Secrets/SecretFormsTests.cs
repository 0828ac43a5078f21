using System.Text;

namespace PHDB.AppHost.Tests.Secrets;

/// <summary>The forms the sweep looks for: a secret is found however it was encoded around other text.</summary>
public sealed class SecretFormsTests
{
    private const string Secret = "phdb-sweep-token-0123456789abcdef";
    private readonly SecretForms forms = new("the token", Secret);

    [Theory]
    [InlineData("")]
    [InlineData("u")]
    [InlineData("us")]
    [InlineData("user:")]
    public void A_secret_is_found_base64_encoded_after_any_prefix(string prefix)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + Secret + ":tail"));

        Assert.NotNull(forms.FindIn($"Authorization: Basic {encoded}"));
        Assert.NotNull(forms.FindIn(Encoding.UTF8.GetBytes(encoded)));
    }

    [Fact]
    public void A_secret_is_found_plain_url_encoded_and_as_hexadecimal()
    {
        var bytes = Encoding.UTF8.GetBytes(Secret);

        Assert.NotNull(forms.FindIn($"{{\"token\":\"{Secret}\"}}"));
        Assert.NotNull(forms.FindIn("(1,\"\\\\x" + Convert.ToHexStringLower(bytes) + "\")"));
        Assert.NotNull(forms.FindIn([0x0a, 0x21, .. bytes, 0x12]));
        Assert.NotNull(
            new SecretForms("a password", "pass word/with+reserved").FindIn("p=pass%20word%2Fwith%2Breserved")
        );
    }

    [Fact]
    public void Other_text_and_a_hint_of_the_last_four_characters_are_not_the_secret()
    {
        Assert.Null(forms.FindIn($"token …{Secret[^4..]} app-0f1e2d3c4b5a6978"));
        Assert.Null(forms.FindIn(Encoding.UTF8.GetBytes(Secret[..^1])));
    }
}
