namespace PHDB.IntegrationTests.Shutdown;

/// <summary>A silo ends within 15 s of SIGTERM when its PostgreSQL has stopped (connections refused).</summary>
public sealed class SiloStopWithPostgresStoppedTests
{
    [Fact]
    public async Task A_silo_ends_within_15_seconds_of_SIGTERM_after_PostgreSQL_stopped()
    {
        var took = await SiloStopCase.RunAsync(
            (server, cancellationToken) => server.StopImmediatelyAsync(cancellationToken),
            (_, _) => Task.CompletedTask,
            "TERM",
            TestContext.Current.CancellationToken
        );

        Assert.InRange(took, TimeSpan.Zero, SiloStopCase.Bound);
    }
}
