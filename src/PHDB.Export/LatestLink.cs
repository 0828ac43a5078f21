using System.Runtime.InteropServices;

namespace PHDB.Export;

/// <summary>
/// The <c>latest</c> link of an exports directory, moved atomically: a new link is made beside it and renamed over it
/// with <c>rename(2)</c> (.NET's moves refuse to replace a link to a folder), so readers see the old or the new export,
/// never none.
/// </summary>
internal static partial class LatestLink
{
    /// <summary>Points <c>latest</c> in <paramref name="directory"/> at the export folder <paramref name="name"/>.</summary>
    public static void Move(string directory, string name)
    {
        var link = Path.Join(directory, ExportCatalog.LatestLink);
        var staging = Path.Join(directory, $".{ExportCatalog.LatestLink}-{Guid.NewGuid():N}");
        File.CreateSymbolicLink(staging, name);
        if (!OperatingSystem.IsWindows())
        {
            if (Rename(staging, link) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                File.Delete(staging);
                throw new IOException($"Cannot move the latest link: {Marshal.GetPInvokeErrorMessage(error)}", error);
            }

            return;
        }

        if (Directory.Exists(link) || File.Exists(link))
        {
            Directory.Delete(link);
        }

        Directory.Move(staging, link);
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string oldPath, string newPath);
}
