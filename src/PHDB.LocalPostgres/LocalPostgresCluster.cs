using System.Security.Cryptography;

namespace PHDB.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster kept in a folder of PHDB's: <c>pgdata/</c> (the server's data directory),
/// <c>run/</c> (its Unix socket) and <c>superuser.password</c> (the password initdb gave the superuser).
/// </summary>
public sealed class LocalPostgresCluster
{
    /// <summary>Name of the superuser initdb creates.</summary>
    public const string SuperUser = "postgres";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Traversable =
        OwnerOnly
        | UnixFileMode.GroupRead
        | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead
        | UnixFileMode.OtherExecute;

    /// <summary>Describes the cluster kept under <paramref name="rootDirectory"/>.</summary>
    public LocalPostgresCluster(string rootDirectory, PostgresInstallation installation, PostgresServiceAccount account)
    {
        RootDirectory = Path.GetFullPath(rootDirectory);
        Installation = installation;
        Account = account;
    }

    /// <summary>The folder holding everything of this cluster.</summary>
    public string RootDirectory { get; }

    /// <summary>The server binaries.</summary>
    public PostgresInstallation Installation { get; }

    /// <summary>The account the server runs as.</summary>
    public PostgresServiceAccount Account { get; }

    /// <summary>The server's data directory.</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "pgdata");

    /// <summary>Where the server puts its Unix socket.</summary>
    public string SocketDirectory => Path.Combine(RootDirectory, "run");

    /// <summary>The superuser's password, readable only by the server's account.</summary>
    public string PasswordFile => Path.Combine(RootDirectory, "superuser.password");

    /// <summary>Whether initdb has completed here before.</summary>
    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>
    /// Creates the folders (owned by the server's account) and, on first use, the superuser password.
    /// Returns the password. Safe to call on every start.
    /// </summary>
    public string Prepare()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("A local PostgreSQL cluster is supported on Linux and macOS only.");
        }

        CreateDirectory(RootDirectory, Traversable);
        Account.EnsureCanTraverse(RootDirectory);
        CreateDirectory(DataDirectory, OwnerOnly);
        CreateDirectory(SocketDirectory, OwnerOnly);

        if (!File.Exists(PasswordFile))
        {
            if (IsInitialized)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL cluster in '{DataDirectory}' exists but its password file '{PasswordFile}' is missing. "
                        + "Restore the file or delete the whole folder '{RootDirectory}' to start afresh."
                );
            }

            File.WriteAllText(PasswordFile, NewPassword());
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Account.TakeOwnership(PasswordFile);
        }

        return File.ReadAllText(PasswordFile).Trim();
    }

    /// <summary>Arguments for <c>initdb</c>: UTF-8, C locale, password authentication for every connection.</summary>
    public IReadOnlyList<string> InitdbArguments() =>
        [
            "--pgdata",
            DataDirectory,
            "--username",
            SuperUser,
            "--pwfile",
            PasswordFile,
            "--auth",
            "scram-sha-256",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
        ];

    /// <summary>
    /// Arguments for the server: listen on 127.0.0.1 only (the port comes from <c>PGPORT</c> or <paramref name="port"/>),
    /// the socket in <see cref="SocketDirectory"/>, plus any extra <c>name=value</c> settings.
    /// </summary>
    public IReadOnlyList<string> ServerArguments(int? port = null, IEnumerable<string>? settings = null)
    {
        List<string> arguments = ["-D", DataDirectory, "-k", SocketDirectory, "-c", "listen_addresses=127.0.0.1"];
        if (port is { } p)
        {
            arguments.AddRange(["-p", p.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        foreach (var setting in settings ?? [])
        {
            arguments.AddRange(["-c", setting]);
        }

        return arguments;
    }

    /// <summary>
    /// The command that runs the server (<see cref="ServerArguments"/>) as <see cref="Account"/>, so that SIGTERM
    /// stops it with a fast shutdown (see <see cref="PostgresServerCommand"/>).
    /// </summary>
    public (string FileName, IReadOnlyList<string> Arguments) ServerCommand(
        int? port = null,
        IEnumerable<string>? settings = null
    ) => PostgresServerCommand.For(Account, Installation.Server, ServerArguments(port, settings));

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private void CreateDirectory(string path, UnixFileMode mode)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, mode);
        Account.TakeOwnership(path);
    }

    private static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
}
