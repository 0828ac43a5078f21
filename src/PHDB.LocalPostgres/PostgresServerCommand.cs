namespace PHDB.LocalPostgres;

/// <summary>
/// The command line that runs the PostgreSQL server so that a stop request ends it promptly. The server takes SIGTERM
/// as a <em>smart</em> shutdown, which waits for every client to disconnect; a process manager (DCP, systemd) stops
/// what it runs with SIGTERM. So the server runs under a small <c>/bin/sh</c> supervisor that turns SIGTERM (or
/// SIGINT) into a <em>fast</em> shutdown (SIGINT to the postmaster: clients are disconnected, a checkpoint is written),
/// a second request into an <em>immediate</em> one (SIGQUIT), and exits with the server's status. Under root the
/// server's account is entered with <c>setpriv</c>, which replaces itself with the server (<c>runuser</c> would stay
/// in between, forward SIGTERM only and kill the postmaster 2 s later, leaving its backends running).
/// </summary>
public static class PostgresServerCommand
{
    /// <summary>The supervisor: <c>sh -c Script phdb-postgres server args…</c>.</summary>
    internal const string Script = """
        "$@" &
        server=$!
        requests=0
        stop() {
          requests=$((requests + 1))
          if [ "$requests" -eq 1 ]; then kill -INT "$server" 2>/dev/null; else kill -QUIT "$server" 2>/dev/null; fi
        }
        trap stop TERM INT
        while :; do
          wait "$server"
          status=$?
          if [ "$status" -le 128 ] || ! kill -0 "$server" 2>/dev/null; then exit "$status"; fi
        done
        """;

    /// <summary>The command that runs <paramref name="server"/> with <paramref name="arguments"/> as <paramref name="account"/>, stopped fast.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) For(
        PostgresServiceAccount account,
        string server,
        IEnumerable<string> arguments
    )
    {
        ArgumentNullException.ThrowIfNull(account);
        List<string> command = account.SwitchToUser is { } user
            ? ["setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--", server, .. arguments]
            : [server, .. arguments];
        return ("/bin/sh", ["-c", Script, "phdb-postgres", .. command]);
    }
}
