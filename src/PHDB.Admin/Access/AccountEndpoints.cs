using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace PHDB.Admin.Access;

/// <summary>
/// The login and logout form posts (antiforgery-checked, as every form-bound endpoint is); the login post is rate
/// limited per client (<see cref="LoginRateLimit"/>).
/// </summary>
public static class AccountEndpoints
{
    /// <summary>Path of the login page and its form post.</summary>
    public const string LoginPath = "/account/login";

    /// <summary>Path of the logout form post.</summary>
    public const string LogoutPath = "/account/logout";

    /// <summary>Maps <c>POST /account/login</c> and <c>POST /account/logout</c>.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints
            .MapPost(
                LoginPath,
                async (
                    [FromForm(Name = "password")] string? password,
                    [FromForm(Name = "returnUrl")] string? returnUrl,
                    HttpContext context,
                    AdminLogin login
                ) =>
                {
                    var target = IsLocal(returnUrl) ? returnUrl! : "/";
                    switch (login.Attempt(password, LoginClient.Of(context)))
                    {
                        case LoginOutcome.Succeeded:
                            var identity = new ClaimsIdentity(
                                [new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, "admin")],
                                CookieAuthenticationDefaults.AuthenticationScheme
                            );
                            await context.SignInAsync(
                                CookieAuthenticationDefaults.AuthenticationScheme,
                                new ClaimsPrincipal(identity)
                            );
                            return Results.LocalRedirect(target);
                        case LoginOutcome.LockedOut:
                            return Results.LocalRedirect(LoginRedirect("locked", target));
                        default:
                            return Results.LocalRedirect(LoginRedirect("failed", target));
                    }
                }
            )
            .AllowAnonymous()
            .RequireRateLimiting(LoginRateLimit.Policy);

        endpoints
            .MapPost(
                LogoutPath,
                async (HttpContext context) =>
                {
                    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    return Results.LocalRedirect(LoginPath);
                }
            )
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    private static string LoginRedirect(string error, string returnUrl) =>
        $"{LoginPath}?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Whether <paramref name="url"/> is a path on this site (so a login may redirect to it).</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal)
        && !url.Any(char.IsControl);
}
