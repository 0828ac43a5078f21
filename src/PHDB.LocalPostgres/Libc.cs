using System.Runtime.InteropServices;

namespace PHDB.LocalPostgres;

/// <summary>The few POSIX calls .NET has no managed API for.</summary>
internal static partial class Libc
{
    [LibraryImport("libc", SetLastError = true)]
    internal static partial uint geteuid();

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int chown(string path, uint owner, uint group);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr getpwnam(string name);

    /// <summary>Reads uid and gid of a named account (struct passwd: two pointers, then uid and gid).</summary>
    internal static (uint Uid, uint Gid)? LookupAccount(string name)
    {
        var entry = getpwnam(name);
        if (entry == IntPtr.Zero)
        {
            return null;
        }

        var offset = 2 * IntPtr.Size;
        return ((uint)Marshal.ReadInt32(entry, offset), (uint)Marshal.ReadInt32(entry, offset + sizeof(uint)));
    }
}
