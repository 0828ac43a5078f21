using System.Text;
using PHDB.Webhooks;

namespace PHDB.Harvest.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_the_hmac_sha256_of_the_body_in_lowercase_hex()
    {
        // RFC 4231, test case 2.
        var body = Encoding.ASCII.GetBytes("what do ya want for nothing?");

        Assert.Equal(
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookSignature.Compute("Jefe", body)
        );
    }

    [Fact]
    public void Verification_fails_for_another_secret_another_body_or_a_malformed_header()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"run/1/completed"}""");
        var header = WebhookSignature.Compute("secret-one-0123456789", body);

        Assert.True(WebhookSignature.Verify("secret-one-0123456789", body, header));
        Assert.False(WebhookSignature.Verify("secret-two-0123456789", body, header));
        Assert.False(WebhookSignature.Verify("secret-one-0123456789", [.. body, (byte)' '], header));
        Assert.False(WebhookSignature.Verify("secret-one-0123456789", body, header[7..]));
        Assert.False(WebhookSignature.Verify("secret-one-0123456789", body, null));
    }
}
