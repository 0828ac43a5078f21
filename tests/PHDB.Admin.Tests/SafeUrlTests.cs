using PHDB.Admin.Data;

namespace PHDB.Admin.Tests;

public sealed class SafeUrlTests
{
    [Theory]
    [InlineData("https://www.producthunt.com/posts/rocket", "https://www.producthunt.com/posts/rocket")]
    [InlineData("http://example.com/", "http://example.com/")]
    [InlineData("  https://example.com/a?b=c  ", "https://example.com/a?b=c")]
    [InlineData("HTTPS://EXAMPLE.COM/Path", "https://example.com/Path")]
    public void Http_and_https_addresses_may_be_linked(string value, string href) =>
        Assert.Equal(href, SafeUrl.Href(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("javascript://example.com/%0Aalert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("/posts/1")]
    [InlineData("//evil.example/")]
    [InlineData("example.com")]
    [InlineData("https://example.com/\u0000")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    public void Anything_else_is_never_an_address(string? value)
    {
        Assert.Null(SafeUrl.Href(value));
        Assert.Null(SafeUrl.AsHttp(value));
    }
}
