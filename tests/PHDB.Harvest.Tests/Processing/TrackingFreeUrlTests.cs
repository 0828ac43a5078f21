using PHDB.Harvest.Processing;

namespace PHDB.Harvest.Tests.Processing;

public sealed class TrackingFreeUrlTests
{
    [Theory]
    [InlineData("https://acme.example/?utm_source=phdb&utm_medium=api", "https://acme.example/")]
    [InlineData("https://acme.example/p?ref=ph&utm_campaign=x&b=2", "https://acme.example/p?ref=ph&b=2")]
    [InlineData("https://acme.example/p?UTM_SOURCE=x", "https://acme.example/p")]
    [InlineData("  https://acme.example/p  ", "https://acme.example/p")]
    [InlineData("http://acme.example:8080/a?x=1", "http://acme.example:8080/a?x=1")]
    [InlineData("javascript:alert(1)?utm_source=x", "javascript:alert(1)?utm_source=x")]
    [InlineData("not a url", "not a url")]
    [InlineData("https://acme.example/p?utm_source=x#reviews", "https://acme.example/p#reviews")]
    [InlineData("https://acme.example/p?a=1&&utm_term=y&b=&c", "https://acme.example/p?a=1&b=&c")]
    [InlineData("https://acme.example/p?utm=1&utmost=2", "https://acme.example/p?utm=1&utmost=2")]
    public void Tracking_parameters_are_removed_from_web_urls_only(string url, string expected) =>
        Assert.Equal(expected, TrackingFreeUrl.Normalize(url));

    [Theory]
    [InlineData("https://acme.example", true)]
    [InlineData("http://acme.example/x", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("ftp://acme.example", false)]
    [InlineData("/relative", false)]
    [InlineData("", false)]
    public void Only_absolute_http_urls_are_web_urls(string value, bool expected) =>
        Assert.Equal(expected, TrackingFreeUrl.IsWebUrl(value, out _));
}
