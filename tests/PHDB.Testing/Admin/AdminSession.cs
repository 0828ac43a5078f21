using System.Net;
using System.Text.RegularExpressions;

namespace PHDB.Testing.Admin;

/// <summary>
/// An HTTP client logged in to the admin console: it fetches the login form for its antiforgery cookie and token,
/// posts the password and keeps the session cookie. Redirects are not followed, so a page that needs a login
/// answers 302 instead of the login form.
/// </summary>
public sealed partial class AdminSession : IDisposable
{
    /// <summary>Path of the console's login page and of its form post.</summary>
    public const string LoginPath = "/account/login";

    private AdminSession(HttpClient client) => Client = client;

    /// <summary>The logged-in client; its base address is the console's.</summary>
    public HttpClient Client { get; }

    /// <summary>Logs in to the console at <paramref name="baseAddress"/>; fails when the password is refused.</summary>
    public static async Task<AdminSession> LogInAsync(
        Uri baseAddress,
        string password,
        CancellationToken cancellationToken = default
    )
    {
        var client = CreateClient(baseAddress);
        try
        {
            var location = await PostLoginAsync(client, password, "/", cancellationToken);
            if (location != "/")
            {
                throw new InvalidOperationException(
                    $"The admin console refused the login: it answered with a redirect to '{location}' instead of '/'."
                );
            }

            return new AdminSession(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A client for the console at <paramref name="baseAddress"/> that keeps cookies and does not follow redirects
    /// (anonymous until it logs in).
    /// </summary>
    public static HttpClient CreateClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>
    /// Submits the login form with <paramref name="password"/> on <paramref name="client"/> (which must keep
    /// cookies) and returns where the console redirects: <paramref name="returnUrl"/> on success, the login page
    /// with an error otherwise.
    /// </summary>
    public static async Task<string> PostLoginAsync(
        HttpClient client,
        string password,
        string returnUrl,
        CancellationToken cancellationToken = default
    )
    {
        var form = await client.GetStringAsync(new Uri(LoginPath, UriKind.Relative), cancellationToken);
        var token = AntiforgeryToken(form);
        using var content = new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["password"] = password,
                ["returnUrl"] = returnUrl,
                ["__RequestVerificationToken"] = token,
            }
        );
        using var response = await client.PostAsync(new Uri(LoginPath, UriKind.Relative), content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location)
        {
            throw new InvalidOperationException(
                $"The login post answered {(int)response.StatusCode} {response.StatusCode} instead of a redirect."
            );
        }

        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Disposes the client.</summary>
    public void Dispose() => Client.Dispose();

    private static string AntiforgeryToken(string html)
    {
        foreach (Match input in Inputs().Matches(html))
        {
            if (
                input.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal)
                && Value().Match(input.Value) is { Success: true } value
            )
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        throw new InvalidOperationException(
            "The login page has no hidden __RequestVerificationToken input (the form's antiforgery token)."
        );
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Inputs();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Value();
}
