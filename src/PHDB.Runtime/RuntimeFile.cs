using System.Text.Json;

namespace PHDB.Runtime;

/// <summary>
/// The file (<c>&lt;data directory&gt;/runtime.json</c>) in which a running AppHost says where its database, cluster
/// and API are. Written atomically with mode 600 (it holds the database password), removed when the AppHost stops.
/// </summary>
public static class RuntimeFile
{
    /// <summary>The file's name in the data directory.</summary>
    public const string FileName = "runtime.json";

    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The file's path for <paramref name="dataDirectory"/>.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    /// <summary>Writes <paramref name="info"/> (owner-only, replacing any earlier file in one rename).</summary>
    public static async Task WriteAsync(string dataDirectory, RuntimeInfo info, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        Directory.CreateDirectory(dataDirectory);
        var target = PathIn(dataDirectory);
        var temporary = target + $".{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await JsonSerializer.SerializeAsync(stream, info, Json, cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            // An existing temporary file keeps its old mode: make sure.
            File.SetUnixFileMode(temporary, OwnerReadWrite);
        }

        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Reads the file, or returns <see langword="null"/> when there is none (or it cannot be read).</summary>
    public static RuntimeInfo? TryRead(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<RuntimeInfo>(stream, Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Removes the file if <paramref name="processId"/> wrote it (another AppHost's file stays).</summary>
    public static void Remove(string dataDirectory, int processId)
    {
        if (TryRead(dataDirectory) is { } info && info.ProcessId == processId)
        {
            File.Delete(PathIn(dataDirectory));
        }
    }
}
