namespace PHDB.Kaggle.StandIn;

/// <summary>
/// A host lifetime that leaves the process's signals alone: a stand-in is embedded in a test process or in
/// <see cref="Program"/>, which decide when it stops.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
