using System.Text.Json;
using System.Text.Json.Serialization;

namespace PHDB.Kaggle.StandIn.Wire;

/// <summary>The wire format: camelCase, enums by name, missing keys are defaults, unknown keys ignored, nulls omitted.</summary>
internal static class StandInJson
{
    public static JsonSerializerOptions Options { get; } =
        new(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            Converters = { new JsonStringEnumConverter() },
        };

    /// <summary>Writes <paramref name="value"/> as the answer with <paramref name="status"/>.</summary>
    public static async Task WriteAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, Options, context.RequestAborted);
    }

    /// <summary>Writes Kaggle's error shape.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, new ErrorBody(status, message));

    /// <summary>ISO-8601 with milliseconds and a trailing Z, as Kaggle writes dates.</summary>
    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
