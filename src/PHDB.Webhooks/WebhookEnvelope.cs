using System.Globalization;
using System.Text.Json;

namespace PHDB.Webhooks;

/// <summary>
/// The body of a delivery, UTF-8 JSON:
/// <c>{"id": key, "type": type, "sequence": n, "occurredAt": ISO 8601, "data": {...}}</c>.
/// </summary>
public static class WebhookEnvelope
{
    /// <summary>The body of <paramref name="delivery"/>.</summary>
    public static byte[] Write(WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", delivery.Key);
            json.WriteString("type", delivery.Type);
            json.WriteNumber("sequence", delivery.Sequence);
            json.WriteString(
                "occurredAt",
                delivery.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            );
            json.WritePropertyName("data");
            json.WriteRawValue(delivery.Data);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
