using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PHDB.Admin.Access;

namespace PHDB.Admin.Tests.Security;

/// <summary>
/// The login post's per-client rate limit in front of the per-client lockout, against a real host; clients are told
/// apart by the loopback address they connect from.
/// </summary>
public sealed class LoginRateLimitTests
{
    private const string Attacker = "127.0.0.2";
    private const string Operator = "127.0.0.3";

    [Fact]
    public async Task Fifty_wrong_passwords_from_one_client_leave_another_clients_login_working()
    {
        // The defaults: 10 login posts per client a minute, 5 failures lock the client.
        await using var console = await SecuredConsole.StartAsync();
        using var attacker = console.Client(Attacker);
        var token = await SecuredConsole.AntiforgeryTokenAsync(attacker);
        var outcomes = new List<string>();
        for (var attempt = 1; attempt <= 50; attempt++)
        {
            using var response = await SecuredConsole.PostLoginAsync(attacker, token, $"wrong-password-{attempt}");
            outcomes.Add(Outcome(response));
        }

        Assert.Equal(
            [.. Enumerable.Repeat("failed", 4), .. Enumerable.Repeat("locked", 6), .. Enumerable.Repeat("429", 40)],
            outcomes
        );
        using (var refused = await SecuredConsole.PostLoginAsync(attacker, token, console.Password))
        {
            Assert.Equal("429", Outcome(refused));
        }

        using var operatorClient = console.Client(Operator);
        var operatorToken = await SecuredConsole.AntiforgeryTokenAsync(operatorClient);
        using var login = await SecuredConsole.PostLoginAsync(operatorClient, operatorToken, console.Password);
        Assert.Equal("/", Outcome(login));
        Assert.Contains(
            login.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith("phdb-admin=", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Posts_over_the_limit_get_429_with_retry_after_and_never_count_towards_the_lockout()
    {
        await using var console = await SecuredConsole.StartAsync(
            new Dictionary<string, string?>
            {
                ["Admin:LoginAttemptLimit"] = "10",
                ["Admin:LoginAttemptWindow"] = "00:02:00",
                ["Admin:LockoutThreshold"] = "11",
            }
        );
        using var client = console.Client(Attacker);
        var token = await SecuredConsole.AntiforgeryTokenAsync(client);
        var outcomes = new List<string>();
        for (var attempt = 1; attempt <= 50; attempt++)
        {
            using var response = await SecuredConsole.PostLoginAsync(client, token, $"wrong-password-{attempt}");
            outcomes.Add(Outcome(response));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta;
                Assert.True(
                    retryAfter > TimeSpan.Zero && retryAfter <= TimeSpan.FromMinutes(2),
                    $"Retry-After of a 429: {retryAfter}"
                );
                Assert.Contains(
                    "Too many login attempts",
                    await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
                    StringComparison.Ordinal
                );
            }
        }

        // Had the 40 refused posts reached the password check, the eleventh would have locked the client.
        Assert.Equal([.. Enumerable.Repeat("failed", 10), .. Enumerable.Repeat("429", 40)], outcomes);
        Assert.Null(console.Services.GetRequiredService<AdminLogin>().LockedUntil(Attacker));
    }

    [Fact]
    public async Task The_lockout_still_refuses_the_failing_client_even_the_right_password()
    {
        await using var console = await SecuredConsole.StartAsync(
            new Dictionary<string, string?> { ["Admin:LockoutThreshold"] = "3" }
        );
        using var client = console.Client(Attacker);
        var token = await SecuredConsole.AntiforgeryTokenAsync(client);
        var outcomes = new List<string>();
        foreach (var password in new[] { "wrong-1", "wrong-2", "wrong-3", console.Password })
        {
            using var response = await SecuredConsole.PostLoginAsync(client, token, password);
            outcomes.Add(Outcome(response));
        }

        Assert.Equal(["failed", "failed", "locked", "locked"], outcomes);
        Assert.NotNull(console.Services.GetRequiredService<AdminLogin>().LockedUntil(Attacker));

        using var other = console.Client(Operator);
        using var login = await SecuredConsole.PostLoginAsync(
            other,
            await SecuredConsole.AntiforgeryTokenAsync(other),
            console.Password
        );
        Assert.Equal("/", Outcome(login));
    }

    /// <summary>
    /// <c>429</c>, or where the login redirects: <c>/</c> on success, <c>failed</c> or <c>locked</c> (the login
    /// page's error) otherwise.
    /// </summary>
    private static string Outcome(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return "429";
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return location.Contains("error=locked", StringComparison.Ordinal) ? "locked"
            : location.Contains("error=failed", StringComparison.Ordinal) ? "failed"
            : location;
    }
}
