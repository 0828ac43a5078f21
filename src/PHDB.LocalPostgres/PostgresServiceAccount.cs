using System.Runtime.InteropServices;

namespace PHDB.LocalPostgres;

/// <summary>
/// The operating-system account the PostgreSQL server runs as. PostgreSQL refuses to run as root, so a root
/// process runs it as the <c>postgres</c> account (through <c>runuser</c>) and hands it the data folders.
/// </summary>
public sealed class PostgresServiceAccount
{
    private const string SystemAccountName = "postgres";

    private PostgresServiceAccount(string? switchToUser, uint uid, uint gid)
    {
        SwitchToUser = switchToUser;
        Uid = uid;
        Gid = gid;
    }

    /// <summary>The account to switch to, or <see langword="null"/> when the server runs as the current user.</summary>
    public string? SwitchToUser { get; }

    /// <summary>Numeric user id of the account.</summary>
    public uint Uid { get; }

    /// <summary>Numeric group id of the account.</summary>
    public uint Gid { get; }

    /// <summary>The account for this process: itself, or <c>postgres</c> when this process runs as root.</summary>
    /// <exception cref="PostgresNotInstalledException">Running as root and there is no <c>postgres</c> account.</exception>
    public static PostgresServiceAccount ForCurrentProcess()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("A local PostgreSQL server is supported on Linux and macOS only.");
        }

        var euid = Libc.geteuid();
        if (euid != 0)
        {
            return new PostgresServiceAccount(null, euid, euid);
        }

        var account =
            Libc.LookupAccount(SystemAccountName)
            ?? throw new PostgresNotInstalledException(
                "This process runs as root and PostgreSQL refuses to run as root, but there is no 'postgres' account to run it as. "
                    + "Install the server package (it creates the account) or run PHDB as a normal user."
            );
        return new PostgresServiceAccount(SystemAccountName, account.Uid, account.Gid);
    }

    /// <summary>The command line that runs <paramref name="executable"/> as this account.</summary>
    public (string FileName, IReadOnlyList<string> Arguments) Command(string executable, IEnumerable<string> arguments)
    {
        if (SwitchToUser is null)
        {
            return (executable, arguments.ToList());
        }

        return ("runuser", ["-u", SwitchToUser, "--", executable, .. arguments]);
    }

    /// <summary>Makes <paramref name="path"/> owned by this account (no-op when it is the current user).</summary>
    public void TakeOwnership(string path)
    {
        if (SwitchToUser is null)
        {
            return;
        }

        if (Libc.chown(path, Uid, Gid) != 0)
        {
            throw new IOException(
                $"Could not hand '{path}' to account '{SwitchToUser}' (errno {Marshal.GetLastPInvokeError()})."
            );
        }
    }

    /// <summary>
    /// Checks that this account can enter every folder above <paramref name="path"/>; PostgreSQL cannot use
    /// a data directory below a folder it may not traverse (root's home, for instance).
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">A parent folder is closed to the account.</exception>
    public void EnsureCanTraverse(string path)
    {
        if (SwitchToUser is null || OperatingSystem.IsWindows())
        {
            return;
        }

        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                throw new UnauthorizedAccessException(
                    $"PostgreSQL runs as '{SwitchToUser}', which cannot enter '{dir}' on the way to '{path}'. "
                        + "Choose a data directory that account can reach (set Phdb:DataDirectory, e.g. /var/lib/phdb)."
                );
            }
        }
    }
}
