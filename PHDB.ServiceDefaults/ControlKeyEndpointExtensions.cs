using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Guards the endpoints the Aspire dashboard's commands call (harvest control on the silos, Export now on the
/// console) with a key the AppHost generates per run and sends in <see cref="Header"/>.
/// </summary>
public static class ControlKeyEndpointExtensions
{
    /// <summary>The request header carrying the key.</summary>
    public const string Header = "X-PHDB-Control-Key";

    /// <summary>
    /// Answers 401 without the header and 403 with another key; the key is compared by its SHA-256 in constant time, so
    /// the comparison's time tells nothing about it, not even its length.
    /// </summary>
    public static TBuilder RequireControlKey<TBuilder>(this TBuilder builder, string configuredKey)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrEmpty(configuredKey);
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(configuredKey));
        builder.AddEndpointFilter(
            async (context, next) =>
            {
                var given = context.HttpContext.Request.Headers[Header].ToString();
                if (given.Length == 0)
                {
                    return Results.Unauthorized();
                }

                return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), key)
                    ? await next(context)
                    : Results.StatusCode(StatusCodes.Status403Forbidden);
            }
        );
        return builder;
    }
}
