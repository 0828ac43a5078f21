namespace PHDB.Admin.Security;

/// <summary>
/// Puts the console's security headers on every response, whatever answers it (a page, a static file, an endpoint,
/// a 404, a 429, the error page): they are added as the response starts, so a handler that clears the response
/// (the exception handler) does not lose them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// The console's Content-Security-Policy. Each source is there because the console needs it:
    /// <list type="bullet">
    /// <item><c>default-src 'self'</c>: everything else (fonts, manifests, frames) only from the console itself.</item>
    /// <item><c>script-src 'self'</c>: <c>blazor.web.js</c>, MudBlazor's script and the modules they import are the
    /// console's own files; Blazor Server needs no inline script and no eval.</item>
    /// <item><c>style-src 'self' 'unsafe-inline'</c>: MudBlazor writes its theme into a <c>style</c> element and its
    /// components (and ours) set <c>style</c> attributes; styles cannot run script.</item>
    /// <item><c>img-src 'self' data: http: https:</c>: MudBlazor's stylesheet embeds small images as <c>data:</c>
    /// addresses, and a post's media are harvested http(s) images shown where Product Hunt hosts them
    /// (<c>SafeImage</c> admits only http(s) and sends no referrer).</item>
    /// <item><c>connect-src 'self'</c>: the circuit's WebSocket (or long polling) to the console; <c>'self'</c>
    /// covers ws: and wss: on the console's own host and port.</item>
    /// <item><c>object-src 'none'</c>, <c>base-uri 'self'</c>, <c>form-action 'self'</c> (the login and logout
    /// forms post to the console), <c>frame-ancestors 'none'</c> (no page of the console in anyone's frame).</item>
    /// </list>
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: http: https:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The <c>Referrer-Policy</c>: console addresses (which carry searches and ids) go nowhere.</summary>
    public const string ReferrerPolicy = "no-referrer";

    /// <summary>Registers the headers to be added when <paramref name="context"/>'s response starts.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(
            static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                return Task.CompletedTask;
            },
            context.Response
        );
        return next(context);
    }
}
