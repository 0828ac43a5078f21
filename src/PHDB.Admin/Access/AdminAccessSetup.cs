using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace PHDB.Admin.Access;

/// <summary>The console's login: the admin password, the session cookie and a fallback policy that requires it everywhere.</summary>
public static class AdminAccessSetup
{
    /// <summary>
    /// Adds <see cref="AdminAccessOptions"/> (validated on start), <see cref="AdminLogin"/>, the <c>phdb-admin</c>
    /// cookie and the antiforgery cookie (HttpOnly, SameSite=Strict, Secure over https), the login rate limit
    /// (<see cref="LoginRateLimit"/>) and an authorization fallback policy requiring an authenticated user for every endpoint that does not
    /// allow anonymous access itself.
    /// </summary>
    public static WebApplicationBuilder AddAdminAccess(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder
            .Services.AddOptions<AdminAccessOptions>()
            .BindConfiguration(AdminAccessOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AdminLogin>();
        builder.Services.AddLoginRateLimit();
        var session = builder.Configuration.GetSection(AdminAccessOptions.Section).Get<AdminAccessOptions>() ?? new();
        builder
            .Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = AccountEndpoints.LoginPath;
                options.Cookie.Name = "phdb-admin";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = session.SessionLifetime;
                options.SlidingExpiration = true;
            });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder
            .Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
