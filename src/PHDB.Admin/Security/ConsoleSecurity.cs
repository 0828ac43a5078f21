using PHDB.Admin.Access;

namespace PHDB.Admin.Security;

/// <summary>The console's hardening in the request pipeline.</summary>
public static class ConsoleSecurity
{
    /// <summary>
    /// Adds <see cref="SecurityHeaders"/> to every response and the rate limiter (the login post's
    /// <see cref="LoginRateLimit"/>, registered by <see cref="AdminAccessSetup.AddAdminAccess"/>). Call it first
    /// after building the app.
    /// </summary>
    public static IApplicationBuilder UseConsoleSecurity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeaders>();
        app.UseRateLimiter();
        return app;
    }
}
