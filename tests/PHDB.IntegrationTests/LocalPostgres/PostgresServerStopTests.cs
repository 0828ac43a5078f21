using System.Diagnostics;
using Npgsql;
using PHDB.IntegrationTests.Processes;
using PHDB.LocalPostgres;
using PHDB.Testing;

namespace PHDB.IntegrationTests.LocalPostgres;

/// <summary>
/// The server run with <see cref="LocalPostgresCluster.ServerCommand"/> ends promptly on SIGTERM, the signal a process
/// manager stops it with, even while a client stays connected (a smart shutdown would wait for that client).
/// </summary>
public sealed class PostgresServerStopTests : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(10);

    private readonly TemporaryDirectory root = new("phdb-server-stop-");

    [Fact]
    public async Task SIGTERM_stops_the_server_while_a_client_is_still_connected()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var cluster = new LocalPostgresCluster(
            Path.Combine(root.Path, "postgres"),
            PostgresInstallation.Locate(Environment.GetEnvironmentVariable("PHDB_POSTGRES_BIN")),
            PostgresServiceAccount.ForCurrentProcess()
        );
        var password = cluster.Prepare();
        var (initFile, initArgs) = cluster.Account.Command(cluster.Installation.Initdb, cluster.InitdbArguments());
        var init = await ProcessRun.RunAsync(Start(initFile, initArgs), null, StartLimit, cancellationToken);
        Assert.True(init.ExitCode == 0, $"initdb failed: {init}");

        var port = LoopbackPort.Next();
        var (serverFile, serverArgs) = cluster.ServerCommand(port);
        using var server = Process.Start(Start(serverFile, serverArgs))!;
        try
        {
            await using var client = await ConnectAsync(port, password, server, cancellationToken);

            Assert.True(
                await ProcessSignal.SendAsync("TERM", [server.Id], cancellationToken),
                $"kill -TERM {server.Id} failed"
            );

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(StopLimit);
            var ended = await server.WaitForExitAsync(limit.Token).ContinueWith(t => t.IsCompletedSuccessfully);
            Assert.True(ended, $"the server was still running {StopLimit.TotalSeconds:0} s after SIGTERM");
            Assert.Equal(0, server.ExitCode);
            Assert.False(File.Exists(Path.Combine(cluster.DataDirectory, "postmaster.pid")), "postmaster.pid is left");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => root.Dispose();

    private static async Task<NpgsqlConnection> ConnectAsync(
        int port,
        string password,
        Process server,
        CancellationToken cancellationToken
    )
    {
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = LocalPostgresCluster.SuperUser,
            Password = password,
            Database = "postgres",
            Pooling = false,
            Timeout = 2,
        }.ConnectionString;
        var started = Stopwatch.StartNew();
        while (true)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (NpgsqlException) when (started.Elapsed < StartLimit && !server.HasExited)
            {
                await connection.DisposeAsync();
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static ProcessStartInfo Start(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
