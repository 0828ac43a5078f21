using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PHDB.Kaggle.Wire;

namespace PHDB.Kaggle.Metadata;

/// <summary>Reads and writes <c>dataset-metadata.json</c>; a problem names the field, e.g. <c>resources[3].path</c>.</summary>
internal static class MetadataJson
{
    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly JsonWriterOptions WriteOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static DatasetMetadata Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException e)
        {
            throw new KaggleException(
                KaggleFailure.InvalidRequest,
                $"{DatasetMetadata.FileName} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."
            );
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("(the file)", "must be a JSON object");
            }

            return new DatasetMetadata(
                RequiredString(root, "id", "id"),
                RequiredString(root, "title", "title"),
                OptionalString(root, "subtitle", "subtitle"),
                OptionalString(root, "description", "description"),
                OptionalBoolean(root, "isPrivate", "isPrivate") ?? true,
                [
                    .. Array(root, "licenses", "licenses")
                        .Select((l, i) => RequiredString(l, "name", $"licenses[{i}].name")),
                ],
                [.. Array(root, "keywords", "keywords").Select((k, i) => StringValue(k, $"keywords[{i}]"))],
                [.. Array(root, "resources", "resources").Select(Resource)]
            );
        }
    }

    public static string Write(DatasetMetadata metadata)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, WriteOptions))
        {
            json.WriteStartObject();
            json.WriteString("title", metadata.Title);
            json.WriteString("id", metadata.Id);
            WriteOptional(json, "subtitle", metadata.Subtitle);
            WriteOptional(json, "description", metadata.Description);
            json.WriteBoolean("isPrivate", metadata.IsPrivate);
            json.WriteStartArray("licenses");
            foreach (var license in metadata.Licenses)
            {
                json.WriteStartObject();
                json.WriteString("name", license);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("keywords");
            foreach (var keyword in metadata.Keywords)
            {
                json.WriteStringValue(keyword);
            }

            json.WriteEndArray();
            json.WriteStartArray("resources");
            foreach (var resource in metadata.Resources)
            {
                json.WriteStartObject();
                json.WriteString("path", resource.Path);
                WriteOptional(json, "description", resource.Description);
                if (resource.Columns.Count > 0)
                {
                    json.WriteStartObject("schema");
                    json.WriteStartArray("fields");
                    foreach (var column in resource.Columns)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", column.Name);
                        WriteOptional(json, "description", column.Description);
                        WriteOptional(json, "type", column.Type);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static DatasetResource Resource(JsonElement element, int index)
    {
        var field = $"resources[{index}]";
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(field, "must be an object");
        }

        var columns = new List<DatasetColumn>();
        if (element.TryGetProperty("schema", out var schema) && schema.ValueKind != JsonValueKind.Null)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                throw Invalid($"{field}.schema", "must be an object");
            }

            foreach (var (column, i) in Array(schema, "fields", $"{field}.schema.fields").Select((c, i) => (c, i)))
            {
                var at = $"{field}.schema.fields[{i}]";
                if (column.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid(at, "must be an object");
                }

                columns.Add(
                    new DatasetColumn(
                        RequiredString(column, "name", $"{at}.name"),
                        OptionalString(column, "description", $"{at}.description"),
                        OptionalString(column, "type", $"{at}.type")
                    )
                );
            }
        }

        return new DatasetResource(
            RequiredString(element, "path", $"{field}.path"),
            OptionalString(element, "description", $"{field}.description"),
            columns
        );
    }

    private static List<JsonElement> Array(JsonElement parent, string name, string field)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : throw Invalid(field, "must be an array");
    }

    private static string RequiredString(JsonElement parent, string name, string field) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
            ? StringValue(value, field)
            : throw Invalid(field, "is missing");

    private static string? OptionalString(JsonElement parent, string name, string field) =>
        !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : StringValue(value, field);

    private static bool? OptionalBoolean(JsonElement parent, string name, string field) =>
        !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw Invalid(field, "must be true or false");

    private static string StringValue(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(field, "must be a string");

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static KaggleException Invalid(string field, string problem) =>
        new(KaggleFailure.InvalidRequest, $"{DatasetMetadata.FileName}: {field} {problem}.");
}
