using System.Text.Json;

namespace PHDB.Export;

/// <summary>
/// The exports in an exports directory: lists the complete ones (a folder with a <c>manifest.json</c>) and resolves
/// a file of one, refusing any path that leads outside it.
/// </summary>
public sealed class ExportCatalog
{
    /// <summary>The link to the newest successful export.</summary>
    public const string LatestLink = "latest";

    /// <summary>The name prefix of an export still being written.</summary>
    public const string PartialPrefix = ".partial-";

    /// <summary>The manifest's file name.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>Creates the catalogue of <paramref name="directory"/>.</summary>
    public ExportCatalog(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The exports directory.</summary>
    public string Directory { get; }

    /// <summary>The complete exports, newest first.</summary>
    public IReadOnlyList<ExportSummary> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var latest = LatestTarget();
        var exports = new List<ExportSummary>();
        foreach (var folder in new DirectoryInfo(Directory).EnumerateDirectories())
        {
            if (folder.Name.StartsWith('.') || folder.LinkTarget is not null)
            {
                continue;
            }

            var manifest = ReadManifest(folder.FullName);
            if (manifest is not null)
            {
                exports.Add(new ExportSummary(folder.Name, folder.FullName, manifest, folder.Name == latest));
            }
        }

        return
        [
            .. exports
                .OrderByDescending(e => e.Manifest.CompletedAt)
                .ThenByDescending(e => e.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>The complete export named <paramref name="name"/>, or <c>null</c>.</summary>
    public ExportSummary? Find(string name) => IsPlainName(name) ? List().FirstOrDefault(e => e.Name == name) : null;

    /// <summary>
    /// The full path of file <paramref name="relativePath"/> (as the manifest lists it, or a data card file) of export
    /// <paramref name="name"/>, or <c>null</c> when there is no such export or file, or the path leads outside the
    /// export's folder.
    /// </summary>
    public string? ResolveFile(string name, string relativePath)
    {
        if (
            !IsPlainName(name)
            || string.IsNullOrWhiteSpace(relativePath)
            || relativePath.Contains('\0', StringComparison.Ordinal)
        )
        {
            return null;
        }

        var root = Path.Join(Directory, name);
        var manifest = ReadManifest(root);
        if (manifest is null)
        {
            return null;
        }

        var rootWithSeparator = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Join(root, relativePath));
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }

        // No link may lead out of the folder either.
        for (var info = new FileInfo(full) as FileSystemInfo; info.FullName.Length >= rootWithSeparator.Length; )
        {
            if (info.LinkTarget is not null)
            {
                return null;
            }

            var parent = Path.GetDirectoryName(info.FullName);
            if (parent is null)
            {
                break;
            }

            info = new DirectoryInfo(parent);
        }

        var listed = relativePath.Replace('\\', '/');
        return manifest.Files.Any(f => f.Path == listed) || DataCard.Files.Contains(listed) ? full : null;
    }

    /// <summary>Reads the manifest in <paramref name="folder"/>, or <c>null</c> if it has none (or an unreadable one).</summary>
    public static ExportManifest? ReadManifest(string folder)
    {
        var path = Path.Join(folder, ManifestFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<ExportManifest>(stream, ExportJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private string? LatestTarget()
    {
        var link = new DirectoryInfo(Path.Join(Directory, LatestLink));
        return link.LinkTarget is { } target ? Path.GetFileName(target.TrimEnd('/')) : null;
    }

    private static bool IsPlainName(string name) =>
        !string.IsNullOrWhiteSpace(name)
        && name != LatestLink
        && !name.StartsWith('.')
        && name.IndexOfAny(['/', '\\', '\0']) < 0;
}
