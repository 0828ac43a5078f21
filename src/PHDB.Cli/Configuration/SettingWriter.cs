using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PHDB.Cli.Configuration;

/// <summary>
/// Writes one setting where the AppHost reads it: secrets into its user secrets file (owner-only), others into its
/// <c>appsettings.json</c>, keeping the rest of the file.
/// </summary>
internal static class SettingWriter
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyDirectory = OwnerReadWrite | UnixFileMode.UserExecute;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions Lenient = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Writes <paramref name="value"/> under its flat key into the user secrets file (created with mode 600 in a 700 folder).</summary>
    public static void WriteSecret(string secretsPath, string key, string value)
    {
        var root = Read(secretsPath);
        var existing = root.Select(pair => pair.Key)
            .FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            root.Remove(existing);
        }

        root[key] = value;
        var directory = Path.GetDirectoryName(secretsPath)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, OwnerOnlyDirectory);
            }
        }

        Write(secretsPath, root, ownerOnly: true);
    }

    /// <summary>Writes <paramref name="value"/> into <paramref name="appSettingsPath"/> at <paramref name="key"/>'s path, typed as <paramref name="type"/>.</summary>
    public static void WriteSetting(string appSettingsPath, string key, string value, Type type)
    {
        var root = Read(appSettingsPath);
        var node = root;
        var segments = key.Split(':');
        foreach (var segment in segments[..^1])
        {
            var name = NameIn(node, segment);
            if (node[name] is not JsonObject child)
            {
                child = [];
                node[name] = child;
            }

            node = child;
        }

        node[NameIn(node, segments[^1])] = Typed(value, type);
        Write(appSettingsPath, root, ownerOnly: false);
    }

    private static JsonValue Typed(string value, Type type)
    {
        if (SettingTypes.IsBoolean(type))
        {
            return JsonValue.Create(bool.Parse(value));
        }

        if (SettingTypes.IsNumber(type))
        {
            return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
                ? JsonValue.Create(whole)
                : JsonValue.Create(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(value);
    }

    /// <summary>The existing property's spelling of <paramref name="segment"/>, so a key in another case replaces it.</summary>
    private static string NameIn(JsonObject node, string segment) =>
        node.Select(pair => pair.Key).FirstOrDefault(k => string.Equals(k, segment, StringComparison.OrdinalIgnoreCase))
        ?? segment;

    private static JsonObject Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: Lenient) as JsonObject
                ?? throw CliException.Configuration($"{path} does not hold a JSON object.");
        }
        catch (JsonException e)
        {
            throw CliException.Configuration($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    private static void Write(string path, JsonObject root, bool ownerOnly)
    {
        var temporary = path + $".{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(root.ToJsonString(Indented));
            writer.Write('\n');
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(
                temporary,
                ownerOnly ? OwnerReadWrite
                    : File.Exists(path) ? File.GetUnixFileMode(path)
                    : File.GetUnixFileMode(temporary)
            );
        }

        File.Move(temporary, path, overwrite: true);
    }
}
