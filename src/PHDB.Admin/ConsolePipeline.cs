using PHDB.Admin.Security;

namespace PHDB.Admin;

/// <summary>The console's request pipeline before its endpoints, in the one order the console and its test hosts share.</summary>
public static class ConsolePipeline
{
    /// <summary>
    /// Security headers and the rate limiter (<see cref="ConsoleSecurity.UseConsoleSecurity"/>), the <c>/error</c> page
    /// outside Development, then authentication, authorization and antiforgery. Call it first after building the app;
    /// endpoints are mapped after it.
    /// </summary>
    /// <param name="app">The console.</param>
    /// <param name="anonymous">Middleware serving content that needs no login (a host's own static files), run
    /// after the security headers and before authentication.</param>
    public static WebApplication UseConsolePipeline(
        this WebApplication app,
        Action<IApplicationBuilder>? anonymous = null
    )
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseConsoleSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        anonymous?.Invoke(app);

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
