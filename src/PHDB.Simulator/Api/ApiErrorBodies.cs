using System.Text.Json;

namespace PHDB.Simulator.Api;

/// <summary>The live API's non-GraphQL error bodies, byte for byte in shape.</summary>
internal static class ApiErrorBodies
{
    public const string InvalidToken =
        """{"data":null,"errors":[{"error":"invalid_oauth_token","error_description":"Please supply a valid access token. Refer to our api documentation about how to authorize and construct requests."}]}""";

    public const string QueryMissing =
        """{"data":null,"errors":[{"error":"query_missing","error_description":"Please provide a GraphQL query. Refer to our api documentation about how to construct requests."}]}""";

    public const string ServerError = """{"error":{"message":"SERVER_ERROR"},"data":{}}""";

    public const string GraphQLInternalError = """{"data":null,"errors":[{"message":"Internal server error"}]}""";

    public const string GatewayTimeout =
        "<html><body><h1>504 Gateway Time-out</h1>The server didn't respond in time.</body></html>";

    public const string UnsupportedGrant =
        """{"error":"unsupported_grant_type","error_description":"The authorization grant type is not supported by the authorization server."}""";

    public const string InvalidClient =
        """{"error":"invalid_client","error_description":"Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."}""";

    public static string RateLimited(RateDecision decision)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNull("data");
            json.WriteStartArray("errors");
            json.WriteStartObject();
            json.WriteString("error", "rate_limit_reached");
            json.WriteString(
                "error_description",
                "Sorry. You have exceeded the API rate limit, please try again later."
            );
            json.WriteStartObject("details");
            json.WriteNumber("limit", decision.Limit);
            json.WriteNumber("remaining", decision.Remaining);
            json.WriteNumber("reset_in", decision.ResetIn);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
