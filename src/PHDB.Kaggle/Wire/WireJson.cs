using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PHDB.Kaggle.Wire;

/// <summary>
/// Request bodies and answers as Kaggle's client writes and reads them: camelCase keys in its field order, enums by
/// name, a field left out when it holds its default (false, 0, an empty list; an unset optional string), unknown keys
/// in answers ignored and missing ones read as their defaults.
/// </summary>
internal static class WireJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] StartBlobUpload(string name, long contentLength, DateTimeOffset lastModified) =>
        Write(json =>
        {
            json.WriteString("type", WireNames.DatasetBlob);
            json.WriteString("name", name);
            if (contentLength != 0)
            {
                json.WriteNumber("contentLength", contentLength);
            }

            json.WriteNumber("lastModifiedEpochSeconds", lastModified.ToUnixTimeSeconds());
        });

    public static byte[] DatasetReference(string owner, string slug) =>
        Write(json =>
        {
            json.WriteString("ownerSlug", owner);
            json.WriteString("datasetSlug", slug);
        });

    public static byte[] CreateDataset(NewDataset request) =>
        Write(json =>
        {
            json.WriteString("ownerSlug", request.OwnerSlug);
            json.WriteString("slug", request.Slug);
            json.WriteString("title", request.Title);
            json.WriteString("licenseName", request.LicenseName);
            if (request.IsPrivate)
            {
                json.WriteBoolean("isPrivate", true);
            }

            WriteFiles(json, request.Files);
            WriteOptional(json, "subtitle", request.Subtitle);
            WriteOptional(json, "description", request.Description);
            WriteStrings(json, "categoryIds", request.CategoryIds);
        });

    public static byte[] CreateDatasetVersion(string owner, string slug, NewDatasetVersion request) =>
        Write(json =>
        {
            json.WriteString("ownerSlug", owner);
            json.WriteString("datasetSlug", slug);
            json.WriteStartObject("body");
            json.WriteString("versionNotes", request.VersionNotes);
            if (request.DeleteOldVersions)
            {
                json.WriteBoolean("deleteOldVersions", true);
            }

            WriteFiles(json, request.Files);
            WriteOptional(json, "subtitle", request.Subtitle);
            WriteOptional(json, "description", request.Description);
            WriteStrings(json, "categoryIds", request.CategoryIds);
            json.WriteEndObject();
        });

    public static BlobUploadTicket ReadTicket(JsonElement root)
    {
        var token = String(root, "token");
        var url = String(root, "createUrl");
        if (string.IsNullOrEmpty(token) || !Uri.TryCreate(url, UriKind.Absolute, out var createUrl))
        {
            throw new KaggleException(
                KaggleFailure.ServerError,
                "Kaggle's answer to StartBlobUpload lacks a token or an absolute createUrl."
            );
        }

        return new BlobUploadTicket(token, createUrl);
    }

    public static KaggleDataset ReadDataset(JsonElement root, string owner, string slug) =>
        new(
            String(root, "ref") is { Length: > 0 } reference ? reference : $"{owner}/{slug}",
            String(root, "title"),
            Int32(root, "currentVersionNumber"),
            String(root, "url")
        );

    public static DatasetCreateAnswer ReadCreateAnswer(JsonElement root) =>
        new(
            String(root, "ref"),
            String(root, "url"),
            String(root, "status"),
            String(root, "error"),
            Strings(root, "invalidTags")
        );

    public static KaggleDatasetStatus ReadStatus(JsonElement root)
    {
        var text = String(root, "status");
        if (text is null)
        {
            return KaggleDatasetStatus.NotYetPersisted;
        }

        return WireNames.TryParse(text, out var status)
            ? status
            : throw new KaggleException(
                KaggleFailure.ServerError,
                $"Kaggle answered a dataset status it does not define: '{Shorten(text)}'."
            );
    }

    /// <summary><c>message</c> of Kaggle's error body <c>{"code", "message"}</c>, on one line, or <c>null</c>.</summary>
    public static string? ErrorMessage(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return String(document.RootElement, "message") is { Length: > 0 } message ? Shorten(message) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>code</c> of an error body, when the answer is an object holding one.</summary>
    public static int? ErrorCode(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("code", out var code)
        && code.ValueKind == JsonValueKind.Number
        && code.TryGetInt32(out var value)
            ? value
            : null;

    /// <summary>One line of at most 500 characters.</summary>
    public static string Shorten(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= 500 ? line : line[..500] + "\u2026";
    }

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int Int32(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return 0;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            // Kaggle's client writes 64-bit integers as strings; accept either for every integer.
            JsonValueKind.String
                when int.TryParse(
                    value.GetString(),
                    NumberStyles.Integer,
                    CultureInfo.InvariantCulture,
                    out var parsed
                ) => parsed,
            _ => 0,
        };
    }

    private static string[] Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

    private static void WriteFiles(Utf8JsonWriter json, IReadOnlyList<DatasetFileUpload> files)
    {
        if (files.Count == 0)
        {
            return;
        }

        json.WriteStartArray("files");
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("token", file.Token);
            WriteOptional(json, "description", file.Description);
            if (file.Columns is { Count: > 0 } columns)
            {
                json.WriteStartArray("columns");
                for (var i = 0; i < columns.Count; i++)
                {
                    var column = columns[i];
                    json.WriteStartObject();
                    json.WriteNumber("order", i);
                    json.WriteString("name", column.Name);
                    if (column.Type is { } type)
                    {
                        var original = type.ToLowerInvariant();
                        json.WriteString("type", ColumnTypes.Kaggle(original));
                        json.WriteString("originalType", original);
                    }

                    json.WriteString("description", column.Description ?? "");
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
