using PHDB.Testing;

namespace PHDB.Harvest.Tests.Faults;

/// <summary>
/// A PostgreSQL server of one fault test class's own: it is stopped, frozen and cut, never the assembly's shared one.
/// </summary>
public sealed class DedicatedPostgres : IAsyncLifetime
{
    /// <summary>The server.</summary>
    public PostgresServer Server { get; } = new();

    /// <inheritdoc />
    public ValueTask InitializeAsync() => Server.InitializeAsync();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
