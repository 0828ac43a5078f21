using System.Net;
using PHDB.Admin.Access;
using PHDB.Admin.Security;

namespace PHDB.Admin.Tests.Security;

/// <summary>The security headers on every kind of response, and the cookies' flags, against a real host.</summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        await using var console = await SecuredConsole.StartAsync(
            new Dictionary<string, string?> { ["Admin:LoginAttemptLimit"] = "1" }
        );
        using var client = console.Client();
        var cancellation = TestContext.Current.CancellationToken;
        var token = await SecuredConsole.AntiforgeryTokenAsync(client);
        var responses = new List<(string What, HttpResponseMessage Response)>();
        try
        {
            foreach (
                var (what, path) in new[]
                {
                    ("login page", AccountEndpoints.LoginPath),
                    ("static file", SecuredConsole.StaticFile),
                    ("page behind the login", "/"),
                    ("health", "/health"),
                    ("liveness", "/alive"),
                    ("failing page", SecuredConsole.Failing),
                }
            )
            {
                responses.Add((what, await client.GetAsync(new Uri(path, UriKind.Relative), cancellation)));
            }

            responses.Add(("login post", await SecuredConsole.PostLoginAsync(client, token, "wrong password")));
            responses.Add(("rate-limited login post", await SecuredConsole.PostLoginAsync(client, token, "wrong")));

            // Anonymous, a missing page redirects to the login too: a logged-in client from another address sees 404.
            using var session = console.Client("127.0.0.4");
            var sessionToken = await SecuredConsole.AntiforgeryTokenAsync(session);
            responses.Add(("login", await SecuredConsole.PostLoginAsync(session, sessionToken, console.Password)));
            responses.Add(
                ("missing page", await session.GetAsync(new Uri("/no-such-page", UriKind.Relative), cancellation))
            );

            Assert.Equal(
                [
                    HttpStatusCode.OK,
                    HttpStatusCode.OK,
                    HttpStatusCode.Redirect,
                    HttpStatusCode.OK,
                    HttpStatusCode.OK,
                    HttpStatusCode.InternalServerError,
                    HttpStatusCode.Redirect,
                    HttpStatusCode.TooManyRequests,
                    HttpStatusCode.Redirect,
                    HttpStatusCode.NotFound,
                ],
                responses.Select(r => r.Response.StatusCode)
            );
            foreach (var (what, response) in responses)
            {
                Assert.True(
                    Header(response, "Content-Security-Policy") == SecurityHeaders.ContentSecurityPolicy,
                    $"{what}: Content-Security-Policy '{Header(response, "Content-Security-Policy")}'"
                );
                Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options");
                Assert.True(Header(response, "Referrer-Policy") == "no-referrer", $"{what}: Referrer-Policy");
                Assert.True(Header(response, "X-Frame-Options") == "DENY", $"{what}: X-Frame-Options");
            }
        }
        finally
        {
            foreach (var (_, response) in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public void The_policy_allows_no_inline_or_evaluated_script_and_no_framing()
    {
        var directives = SecurityHeaders
            .ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d[1]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self'", directives["connect-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.Equal("'self'", directives["form-action"]);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", directives["script-src"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site_and_secure_exactly_over_https()
    {
        foreach (var https in new[] { true, false })
        {
            await using var console = await SecuredConsole.StartAsync(https: https);
            Assert.Equal(https ? "https" : "http", console.BaseAddress.Scheme);
            using var client = console.Client();
            var cookies = new List<string>();
            using (
                var page = await client.GetAsync(
                    new Uri(AccountEndpoints.LoginPath, UriKind.Relative),
                    TestContext.Current.CancellationToken
                )
            )
            {
                cookies.AddRange(page.Headers.GetValues("Set-Cookie"));
            }

            var token = await SecuredConsole.AntiforgeryTokenAsync(client);
            using (var login = await SecuredConsole.PostLoginAsync(client, token, console.Password))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
                cookies.AddRange(login.Headers.GetValues("Set-Cookie"));
            }

            Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
            Assert.Contains(cookies, c => c.StartsWith("phdb-admin=", StringComparison.Ordinal));
            foreach (var cookie in cookies)
            {
                var flags = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).ToList();
                Assert.True(flags.Contains("httponly", StringComparer.OrdinalIgnoreCase), $"not HttpOnly: {cookie}");
                Assert.True(
                    flags.Contains("samesite=strict", StringComparer.OrdinalIgnoreCase),
                    $"not SameSite=Strict: {cookie}"
                );
                Assert.True(
                    flags.Contains("secure", StringComparer.OrdinalIgnoreCase) == https,
                    $"{(https ? "not Secure over https" : "Secure over http")}: {cookie}"
                );
            }
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}
