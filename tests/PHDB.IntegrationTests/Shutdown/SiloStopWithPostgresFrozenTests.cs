namespace PHDB.IntegrationTests.Shutdown;

/// <summary>A silo ends within 15 s of SIGINT while its PostgreSQL is frozen (SIGSTOP: connections hang).</summary>
public sealed class SiloStopWithPostgresFrozenTests
{
    [Fact]
    public async Task A_silo_ends_within_15_seconds_of_SIGINT_while_PostgreSQL_is_frozen()
    {
        var took = await SiloStopCase.RunAsync(
            (server, cancellationToken) => server.FreezeAsync(cancellationToken),
            (server, cancellationToken) => server.ThawAsync(cancellationToken),
            "INT",
            TestContext.Current.CancellationToken
        );

        Assert.InRange(took, TimeSpan.Zero, SiloStopCase.Bound);
    }
}
