using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PHDB.LocalPostgres;
using PHDB.Migrations;
using Xunit;

namespace PHDB.Testing;

/// <summary>
/// A throwaway PostgreSQL server for one test run, started from the machine's binaries (as the <c>postgres</c>
/// account when the tests run as root) in a temporary folder, durability switched off for speed. Tests share
/// the server and isolate themselves with databases of their own (<see cref="CreateDatabaseAsync"/>).
/// Use it as an assembly fixture: <c>[assembly: AssemblyFixture(typeof(PostgresServer))]</c>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopEscalation = TimeSpan.FromSeconds(20);
    private readonly StringBuilder serverLog = new();
    private Process? server;
    private string? password;
    private TemporaryDirectory? root;
    private LocalPostgresCluster? cluster;
    private int databases;

    /// <summary>
    /// A server listening on 127.0.0.1 and on <paramref name="networkAddress"/>, accepting password logins from
    /// <paramref name="network"/> (CIDR, e.g. <c>198.18.0.0/24</c>): for hosts in other network namespaces.
    /// </summary>
    public static PostgresServer ListeningAlsoOn(string networkAddress, string network) =>
        new() { NetworkAddress = networkAddress, Network = network };

    /// <summary>The address the server listens on besides 127.0.0.1, if any.</summary>
    public string? NetworkAddress { get; private init; }

    private string? Network { get; init; }

    /// <summary>Port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The server's log so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (serverLog)
            {
                return serverLog.ToString();
            }
        }
    }

    /// <summary>Connection string of <paramref name="database"/> on this server, as superuser.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = LocalPostgresCluster.SuperUser,
            Password = password,
            Database = database,
            // Each test database has its own pool; keep them small so many can live side by side.
            MaxPoolSize = 20,
        }.ConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(
        string purpose = "test",
        CancellationToken cancellationToken = default
    )
    {
        var name = $"{Guid.NewGuid():N}_{Interlocked.Increment(ref databases)}_{Sanitize(purpose)}";
        name = "t" + name[..Math.Min(62, name.Length)];
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>
    /// The password of the application role in tests. The role belongs to the server, not to a database: every test
    /// on a server uses this one, so that no test changes the password another one connects with.
    /// </summary>
    public const string ApplicationPassword = "phdb-app-test-password";

    /// <summary>
    /// Lets the application role log in (as the migrator does) and returns <paramref name="owner"/>'s database as
    /// that role.
    /// </summary>
    public static async Task<string> ApplicationConnectionAsync(string owner, CancellationToken cancellationToken)
    {
        await new ApplicationRole(NullLogger<ApplicationRole>.Instance).AllowLoginAsync(
            owner,
            ApplicationPassword,
            cancellationToken
        );
        return new NpgsqlConnectionStringBuilder(owner)
        {
            Username = ApplicationRole.Name,
            Password = ApplicationPassword,
        }.ConnectionString;
    }

    /// <summary>Creates a database and brings it to PHDB's current schema.</summary>
    public async Task<string> CreateMigratedDatabaseAsync(
        string purpose = "test",
        CancellationToken cancellationToken = default
    )
    {
        var connectionString = await CreateDatabaseAsync(purpose, cancellationToken);
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connectionString, cancellationToken);
        return connectionString;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        root = new TemporaryDirectory("phdb-pg-");
        cluster = new LocalPostgresCluster(
            root.Path,
            PostgresInstallation.Locate(Environment.GetEnvironmentVariable("PHDB_POSTGRES_BIN")),
            PostgresServiceAccount.ForCurrentProcess()
        );
        password = cluster.Prepare();

        var (initFile, initArgs) = cluster.Account.Command(cluster.Installation.Initdb, cluster.InitdbArguments());
        await RunToCompletionAsync(initFile, initArgs);
        if (Network is not null)
        {
            await File.AppendAllTextAsync(
                Path.Combine(cluster.DataDirectory, "pg_hba.conf"),
                $"host all all {Network} scram-sha-256\n"
            );
        }

        Port = LoopbackPort.Next();
        await StartServerAsync();
    }

    /// <summary>
    /// Stops the server as an operator would (fast shutdown: sessions are ended, the port closes) and waits until it
    /// has exited. A server that has not finished its shutdown checkpoint within the bound (a loaded machine) is
    /// stopped immediately, then killed. For fault tests on a server of their own, never on a shared one.
    /// </summary>
    public async Task StopAsync()
    {
        var postmaster = PostmasterPid();
        foreach (
            var (signal, bound) in new[] { ("INT", StartTimeout), ("QUIT", StopEscalation), ("KILL", StopEscalation) }
        )
        {
            await SignalAsync(signal, signal == "KILL" ? [.. ChildrenOf(postmaster), postmaster] : [postmaster]);
            if (await ExitsWithinAsync(postmaster, bound))
            {
                break;
            }
        }

        if (IsRunning(postmaster))
        {
            throw new InvalidOperationException(
                $"PostgreSQL (pid {postmaster}) did not stop, even when killed. Its log:\n{Log}"
            );
        }

        if (server is not null)
        {
            await server.WaitForExitAsync().WaitAsync(StopEscalation);
        }
    }

    /// <summary>Whether <paramref name="pid"/> runs: it exists and is not a zombie (ended, not yet reaped by its parent).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<bool> ExitsWithinAsync(int pid, TimeSpan bound)
    {
        var deadline = Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (deadline.Elapsed >= bound)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Starts the stopped server again on the same port and data, and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (server is { HasExited: false })
        {
            throw new InvalidOperationException("The server is running.");
        }

        server?.Dispose();
        await StartServerAsync();
        ClearOwnPool();
    }

    /// <summary>
    /// Freezes the server and every one of its processes (SIGSTOP): connections stay open, nothing answers, as a
    /// hung host or a paused VM would. <see cref="ThawAsync"/> lets it go on.
    /// </summary>
    public async Task FreezeAsync()
    {
        var postmaster = PostmasterPid();
        await SignalAsync("STOP", [postmaster]);
        // A backend forked just before the postmaster stopped shows up on the second look.
        for (var pass = 0; pass < 2; pass++)
        {
            await SignalAsync("STOP", ChildrenOf(postmaster));
        }
    }

    /// <summary>Lets a frozen server go on (SIGCONT to it and its processes).</summary>
    public async Task ThawAsync()
    {
        var postmaster = PostmasterPid();
        await SignalAsync("CONT", [.. ChildrenOf(postmaster), postmaster]);
    }

    /// <summary>
    /// Ends every client session but the caller's own (<c>pg_terminate_backend</c>), as an operator or a failover
    /// would; returns how many it ended.
    /// </summary>
    public async Task<int> TerminateBackendsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var terminate = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'
            """,
            connection
        );
        var terminated = Convert.ToInt32(
            await terminate.ExecuteScalarAsync(cancellationToken),
            CultureInfo.InvariantCulture
        );
        ClearOwnPool();
        return terminated;
    }

    /// <summary>Drops this server's own pooled connections (to <c>postgres</c>), which a restart or a kill broke.</summary>
    private void ClearOwnPool()
    {
        using var pooled = new NpgsqlConnection(ConnectionString());
        NpgsqlConnection.ClearPool(pooled);
    }

    private async Task StartServerAsync()
    {
        // As the app runs it: under a small shell that waits for (and so reaps) the postmaster, entered with setpriv
        // rather than runuser, which stays in between and was once seen to leave the ended postmaster unreaped.
        var (serverFile, serverArgs) = cluster!.ServerCommand(
            Port,
            [
                "fsync=off",
                "synchronous_commit=off",
                "full_page_writes=off",
                "max_connections=500",
                "shared_buffers=128MB",
                .. (NetworkAddress is null ? [] : new[] { $"listen_addresses=127.0.0.1,{NetworkAddress}" }),
            ]
        );
        server = Start(serverFile, serverArgs, captureTo: serverLog);
        await WaitUntilReadyAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        server?.Dispose();
        root?.Dispose();
    }

    private int PostmasterPid()
    {
        var pidFile = Path.Combine(cluster!.DataDirectory, "postmaster.pid");
        return int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
    }

    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid ...": the command may hold spaces, so read after its closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while being looked at.
            }
        }

        return children;
    }

    private static async Task SignalAsync(string signal, List<int> pids)
    {
        if (pids.Count == 0)
        {
            return;
        }

        var output = new StringBuilder();
        using var kill = Start(
            "/bin/kill",
            [$"-{signal}", .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))],
            output
        );
        await kill.WaitForExitAsync().WaitAsync(StartTimeout);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false;Timeout=2");
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < StartTimeout && server is { HasExited: false })
            {
                await Task.Delay(100);
            }
            catch (NpgsqlException e)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL did not accept connections within {StartTimeout.TotalSeconds} s on port {Port}. Its log:\n{Log}",
                    e
                );
            }
        }
    }

    private static async Task RunToCompletionAsync(string file, IReadOnlyList<string> arguments)
    {
        var output = new StringBuilder();
        using var process = Start(file, arguments, output);
        await process.WaitForExitAsync().WaitAsync(StartTimeout);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{file} {string.Join(' ', arguments)}' exited with {process.ExitCode}:\n{output}"
            );
        }
    }

    private static Process Start(string file, IReadOnlyList<string> arguments, StringBuilder captureTo)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (captureTo)
                {
                    captureTo.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Sanitize(string purpose) =>
        new(purpose.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
