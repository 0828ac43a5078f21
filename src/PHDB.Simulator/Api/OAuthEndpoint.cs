using System.Text.Json;

namespace PHDB.Simulator.Api;

/// <summary><c>POST /v2/oauth/token</c>: the client-credentials exchange, which yields a public-scope token.</summary>
internal sealed class OAuthEndpoint(SimulatorState state, TimeProvider time)
{
    public const string Path = "/v2/oauth/token";

    public async Task HandleAsync(HttpContext http)
    {
        var fields = await ReadFieldsAsync(http.Request);
        var grantType = fields.GetValueOrDefault("grant_type");
        if (!string.Equals(grantType, "client_credentials", StringComparison.Ordinal))
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, ApiErrorBodies.UnsupportedGrant);
            return;
        }

        var token = state.Registry.IssuePublicToken(
            fields.GetValueOrDefault("client_id") ?? "",
            fields.GetValueOrDefault("client_secret") ?? ""
        );
        if (token is null)
        {
            await WriteAsync(http, StatusCodes.Status401Unauthorized, ApiErrorBodies.InvalidClient);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        await http.Response.WriteAsJsonAsync(
            new Dictionary<string, object>
            {
                ["access_token"] = token,
                ["token_type"] = "Bearer",
                ["scope"] = "public",
                ["created_at"] = time.GetUtcNow().ToUnixTimeSeconds(),
            },
            http.RequestAborted
        );
    }

    private static async Task<Dictionary<string, string?>> ReadFieldsAsync(HttpRequest request)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }
        }
        else
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(
                    request.Body,
                    cancellationToken: request.HttpContext.RequestAborted
                );
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        fields[property.Name] =
                            property.Value.ValueKind == JsonValueKind.String
                                ? property.Value.GetString()
                                : property.Value.GetRawText();
                    }
                }
            }
            catch (JsonException)
            {
                // An unreadable body has no grant type.
            }
        }

        foreach (var (key, value) in request.Query)
        {
            fields.TryAdd(key, value.ToString());
        }

        return fields;
    }

    private static async Task WriteAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body, http.RequestAborted);
    }
}
