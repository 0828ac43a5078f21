using System.Diagnostics;
using System.Globalization;

namespace PHDB.Export;

/// <summary>
/// Where an export is written: a hidden sibling folder (<c>.partial-…</c>) holding an owner file, renamed to the final
/// name only when complete. Unfinished folders of processes that are gone are removed by the next export.
/// </summary>
internal sealed class ExportDestination
{
    private const string OwnerFile = ".owner";

    private ExportDestination(string final, string partial, bool replace)
    {
        Final = final;
        Partial = partial;
        Replace = replace;
    }

    /// <summary>The folder the export ends up in.</summary>
    public string Final { get; }

    /// <summary>The folder it is written into.</summary>
    public string Partial { get; }

    /// <summary>The final folder exists and is replaced (<c>--force</c>).</summary>
    public bool Replace { get; }

    /// <summary>The export's name (the final folder's name).</summary>
    public string Name => Path.GetFileName(Final);

    /// <summary>Chooses the folders and creates the partial one.</summary>
    public static ExportDestination Create(string final, bool force)
    {
        final = Path.GetFullPath(final);
        var parent = Path.GetDirectoryName(final) ?? throw Refused(final, "it has no parent folder");
        var exists = Directory.Exists(final) || File.Exists(final);
        if (exists && !force)
        {
            throw new ExportFailedException(
                ExportFailure.CannotCreate,
                $"{final} exists; choose another --output or add --force to replace it."
            );
        }

        if (exists && File.Exists(final))
        {
            throw Refused(final, "it is a file");
        }

        try
        {
            Directory.CreateDirectory(parent);
            var partial = Path.Join(
                parent,
                $"{ExportCatalog.PartialPrefix}{Path.GetFileName(final)}-{Guid.NewGuid().ToString("N")[..8]}"
            );
            Directory.CreateDirectory(partial);
            File.WriteAllText(
                Path.Join(partial, OwnerFile),
                Environment.ProcessId.ToString(CultureInfo.InvariantCulture)
            );
            return new ExportDestination(final, partial, exists);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused(parent, e.Message, e);
        }
    }

    /// <summary>Moves the complete export into place (replacing the old folder under <c>--force</c>).</summary>
    public void Commit()
    {
        File.Delete(Path.Join(Partial, OwnerFile));
        if (Replace && Directory.Exists(Final))
        {
            var doomed = Partial + ".replaced";
            Directory.Move(Final, doomed);
            Directory.Move(Partial, Final);
            Directory.Delete(doomed, recursive: true);
        }
        else
        {
            Directory.Move(Partial, Final);
        }
    }

    /// <summary>Deletes the partial folder (best effort).</summary>
    public void Abandon()
    {
        try
        {
            if (Directory.Exists(Partial))
            {
                Directory.Delete(Partial, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next export removes it.
        }
    }

    /// <summary>
    /// Removes unfinished export folders in <paramref name="parent"/> whose process is gone (a killed export); returns
    /// the folders removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveAbandoned(string parent)
    {
        var removed = new List<string>();
        if (!Directory.Exists(parent))
        {
            return removed;
        }

        foreach (var folder in Directory.EnumerateDirectories(parent, ExportCatalog.PartialPrefix + "*"))
        {
            if (IsOwnerAlive(folder))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                removed.Add(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for a later export.
            }
        }

        return removed;
    }

    private static bool IsOwnerAlive(string folder)
    {
        try
        {
            var text = File.ReadAllText(Path.Join(folder, OwnerFile));
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return false;
            }

            if (pid == Environment.ProcessId)
            {
                return true;
            }

            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e)
            when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static ExportFailedException Refused(string path, string why, Exception? inner = null) =>
        new(ExportFailure.CannotCreate, $"Cannot write the export to {path}: {why}", inner);
}
