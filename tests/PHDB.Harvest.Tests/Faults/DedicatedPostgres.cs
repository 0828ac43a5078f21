using PHDB.Testing;

namespace PHDB.Harvest.Tests.Faults;

/// <summary>A PostgreSQL server of one fault test's own: it is stopped, frozen and cut, never the shared one.</summary>
internal static class DedicatedPostgres
{
    /// <summary>Starts a new server; the caller disposes it.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var server = new PostgresServer();
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
