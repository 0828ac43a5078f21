using Npgsql;
using PHDB.Testing;

namespace PHDB.Storage.Tests;

public sealed class ConnectionResilienceTests(PostgresServer postgres)
{
    /// <summary>
    /// The server gives up on a silent client by itself: a session of a host cut off from the network must not hold its
    /// locks beyond these bounds, whether it was idle (probes) or sending a result (unacknowledged data).
    /// </summary>
    [Theory]
    [InlineData("tcp_keepalives_idle", "10")]
    [InlineData("tcp_keepalives_interval", "5")]
    [InlineData("tcp_keepalives_count", "3")]
    [InlineData("tcp_user_timeout", "25000")]
    public async Task Every_session_bounds_how_long_the_server_waits_for_a_silent_client(string setting, string value)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var dataSource = PostgresConnectionResilience.CreateDataSource(postgres.ConnectionString());
        await using var command = dataSource.CreateCommand($"SHOW {setting}");
        Assert.Equal(value, await command.ExecuteScalarAsync(cancellation));
    }

    [Fact]
    public void Settings_of_the_connection_string_are_kept_and_the_bounds_added_once()
    {
        var applied = PostgresConnectionResilience.Apply(
            PostgresConnectionResilience.Apply("Host=db;Options=-c search_path=phdb")
        );
        var builder = new NpgsqlConnectionStringBuilder(applied);
        Assert.Equal($"-c search_path=phdb {PostgresConnectionResilience.ServerKeepAlive}", builder.Options);
        Assert.Equal(PostgresConnectionResilience.KeepAliveSeconds, builder.KeepAlive);
    }
}
