using PHDB.IntegrationTests.Processes;
using PHDB.Testing;

namespace PHDB.IntegrationTests.Shutdown;

/// <summary>
/// One stop of a silo process whose PostgreSQL becomes unreachable: a PostgreSQL server of its own (the case stops
/// or freezes it), the silo started and healthy, the server made unreachable, then the signal.
/// </summary>
internal static class SiloStopCase
{
    /// <summary>The most a stop may take, whatever state PostgreSQL is in.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Runs the case and returns how long the silo took to end after <paramref name="signal"/>; fails if it was
    /// still running after <see cref="Bound"/>.
    /// </summary>
    public static async Task<TimeSpan> RunAsync(
        Func<PostgresProcesses, CancellationToken, Task> makeUnreachable,
        Func<PostgresProcesses, CancellationToken, Task> restore,
        string signal,
        CancellationToken cancellationToken
    )
    {
        await using var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var database = await postgres.CreateMigratedDatabaseAsync("shutdown", cancellationToken);
        var server = await PostgresProcesses.FindAsync(database, cancellationToken);
        await using var silo = await SiloProcess.StartHealthyAsync(database, cancellationToken);

        await makeUnreachable(server, cancellationToken);
        try
        {
            var took = await silo.StopAsync(signal, Bound, cancellationToken);
            TestContext.Current.SendDiagnosticMessage(
                $"The silo ended {took.TotalSeconds:0.0} s after SIG{signal} with exit code {silo.ExitCode}."
            );
            return took;
        }
        finally
        {
            await restore(server, CancellationToken.None);
        }
    }
}
