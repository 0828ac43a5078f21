namespace PHDB.Testing;

/// <summary>
/// A fresh folder under the temp directory, deleted on dispose. Others may traverse it (mode 0711), so a
/// server running under another account (PostgreSQL as <c>postgres</c> when tests run as root) can reach
/// the folders inside it.
/// </summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates the folder with a name starting with <paramref name="prefix"/>.</summary>
    public TemporaryDirectory(string prefix)
    {
        Info = Directory.CreateTempSubdirectory(prefix);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(
                Info.FullName,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute
            );
        }
    }

    /// <summary>The folder.</summary>
    public DirectoryInfo Info { get; }

    /// <summary>Full path of the folder.</summary>
    public string Path => Info.FullName;

    /// <summary>Deletes the folder; a file still held open by an exiting process leaves it for the OS to clean.</summary>
    public void Dispose()
    {
        try
        {
            Info.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Still in use by a process that is shutting down; it lives in the temp directory anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // Owned by the server account and not ours to delete when tests run unprivileged.
        }
    }
}
