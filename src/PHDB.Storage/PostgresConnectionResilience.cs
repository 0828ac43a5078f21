using Npgsql;

namespace PHDB.Storage;

/// <summary>
/// Connection settings that let PHDB's hosts ride out a PostgreSQL restart, freeze or killed session by themselves:
/// every wait on the server is bounded, so a call fails (and is retried by its caller) instead of hanging. Values the
/// connection string sets are kept.
/// </summary>
public static class PostgresConnectionResilience
{
    /// <summary>Seconds an idle pooled connection waits between keepalive probes (Npgsql's default: none).</summary>
    public const int KeepAliveSeconds = 10;

    /// <summary>
    /// Asks the server to give up on a silent client: probes of an idle session (10 s idle, then every 5 s, 3 misses),
    /// and at most 25 s for what it sent to be acknowledged (<c>tcp_user_timeout</c>). A host cut off from the network
    /// mid-transaction sends no close: without probes its session would hold its row locks for the server's default of
    /// two hours, and a session cut off while sending a result retransmits for the kernel's 15 minutes or so, which
    /// probes do not shorten (they apply to idle connections only). Either way every other host that writes the same
    /// rows would stall; with both bounds the server ends the session, rolling the transaction back, about 25 s after
    /// the host went silent.
    /// </summary>
    public const string ServerKeepAlive =
        "-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3 -c tcp_user_timeout=25000";

    /// <summary>
    /// <paramref name="connectionString"/> with a keepalive on idle connections and the server's probes of the client
    /// (<see cref="ServerKeepAlive"/>), so a pooled connection whose server
    /// went away without a word (a restart, a failover) is found broken and dropped before a caller gets it. The other
    /// bounds are Npgsql's defaults, which PHDB relies on: opening waits at most 15 s (<c>Timeout</c>), a command 30 s
    /// (<c>Command Timeout</c>), and a cancelled command's cancellation request 2 s (<c>Cancellation Timeout</c>)
    /// before the connection is broken; a frozen server thus fails calls after at most about 32 s.
    /// </summary>
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = KeepAliveSeconds;
        }

        if (builder.Options?.Contains("tcp_keepalives", StringComparison.Ordinal) != true)
        {
            builder.Options = string.Join(
                ' ',
                new[] { builder.Options, ServerKeepAlive }.Where(o => !string.IsNullOrWhiteSpace(o))
            );
        }

        return builder.ConnectionString;
    }

    /// <summary>A data source on <paramref name="connectionString"/> with <see cref="Apply"/>'s bounds.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        NpgsqlDataSource.Create(Apply(connectionString));
}
