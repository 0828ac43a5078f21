using PHDB.Admin.Access;

namespace PHDB.Admin.Tests.Access;

public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/posts?q=ai&sort=votes", true)]
    [InlineData("/posts/42", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("posts", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("/redirect?to=https://evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/posts\r\nSet-Cookie: x", false)]
    public void Only_paths_on_this_site_are_followed_after_a_login(string? url, bool local) =>
        Assert.Equal(local, AccountEndpoints.IsLocal(url));
}
