using System.Globalization;
using Npgsql;
using PHDB.IntegrationTests.Processes;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Shutdown;

/// <summary>
/// The processes of one PostgreSQL server (the postmaster and its children), found through its
/// <c>postmaster.pid</c>, to stop or freeze the whole server as an outage would.
/// </summary>
internal sealed class PostgresProcesses
{
    private readonly int postmaster;

    private PostgresProcesses(int postmaster) => this.postmaster = postmaster;

    /// <summary>Finds the server behind <paramref name="connectionString"/> (it must be running on this machine).</summary>
    public static async Task<PostgresProcesses> FindAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var show = new NpgsqlCommand("SHOW data_directory", connection);
        var dataDirectory = (string)(await show.ExecuteScalarAsync(cancellationToken))!;
        var pidFile = await File.ReadAllLinesAsync(Path.Join(dataDirectory, "postmaster.pid"), cancellationToken);
        return new PostgresProcesses(int.Parse(pidFile[0], CultureInfo.InvariantCulture));
    }

    /// <summary>Freezes the postmaster and every backend (SIGSTOP): connections hang instead of failing.</summary>
    public async Task FreezeAsync(CancellationToken cancellationToken)
    {
        // The postmaster first, so that no backend starts after the children are listed.
        Assert.True(
            await ProcessSignal.SendAsync("STOP", [postmaster], cancellationToken),
            $"kill -STOP {postmaster} failed"
        );
        await ProcessSignal.SendAsync("STOP", Children(), cancellationToken);
    }

    /// <summary>Thaws what <see cref="FreezeAsync"/> froze (SIGCONT).</summary>
    public async Task ThawAsync(CancellationToken cancellationToken)
    {
        await ProcessSignal.SendAsync("CONT", Children(), cancellationToken);
        await ProcessSignal.SendAsync("CONT", [postmaster], cancellationToken);
    }

    /// <summary>Stops the server at once (SIGQUIT, PostgreSQL's immediate shutdown): connections are refused.</summary>
    public async Task StopImmediatelyAsync(CancellationToken cancellationToken)
    {
        Assert.True(
            await ProcessSignal.SendAsync("QUIT", [postmaster], cancellationToken),
            $"kill -QUIT {postmaster} failed"
        );
        await Eventually.HoldsAsync(
            () => Task.FromResult(!Directory.Exists($"/proc/{postmaster}")),
            TimeSpan.FromSeconds(10),
            $"the postmaster {postmaster} gone after SIGQUIT"
        );
    }

    private IEnumerable<int> Children() =>
        Directory
            .EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name is not null && name.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == postmaster);

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
