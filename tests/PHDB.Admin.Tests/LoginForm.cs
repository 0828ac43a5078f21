using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PHDB.Admin.Access;

namespace PHDB.Admin.Tests;

/// <summary>A stand-in for the console's login page in test hosts: a form carrying only the antiforgery token.</summary>
internal static class LoginForm
{
    /// <summary>Maps <c>GET</c> <see cref="AccountEndpoints.LoginPath"/> to the form, open to anonymous clients.</summary>
    public static void MapLoginForm(this WebApplication app) =>
        app.MapGet(
                AccountEndpoints.LoginPath,
                (HttpContext context, IAntiforgery antiforgery) =>
                {
                    var tokens = antiforgery.GetAndStoreTokens(context);
                    return Results.Content(
                        $"<form><input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{WebUtility.HtmlEncode(tokens.RequestToken)}\"></form>",
                        "text/html"
                    );
                }
            )
            .AllowAnonymous();
}
