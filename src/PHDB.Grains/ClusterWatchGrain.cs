using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace PHDB.Grains;

/// <summary>Pushes cluster changes to subscribers; see <see cref="IClusterWatchGrain"/>.</summary>
public sealed partial class ClusterWatchGrain(TimeProvider timeProvider, ILogger<ClusterWatchGrain> logger)
    : Grain,
        IClusterWatchGrain
{
    /// <summary>How often the cluster is read while someone is subscribed.</summary>
    public static readonly TimeSpan ReadInterval = TimeSpan.FromSeconds(2);

    private readonly ObserverManager<IClusterObserver> observers = new(IClusterWatchGrain.SubscriptionLifetime, logger);
    private ClusterSnapshot? last;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(ReadAndPushAsync, ReadInterval, ReadInterval);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ClusterSnapshot> Subscribe(IClusterObserver observer)
    {
        observers.Subscribe(observer, observer);
        return last ?? await ReadAsync();
    }

    /// <inheritdoc />
    public Task Unsubscribe(IClusterObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task ReadAndPushAsync(CancellationToken cancellationToken)
    {
        observers.ClearExpired();
        if (observers.Count == 0)
        {
            return;
        }

        var previous = last;
        var snapshot = await ReadAsync();
        if (previous is null || !SameCluster(previous, snapshot))
        {
            observers.Notify(o => o.ClusterChanged(snapshot));
        }
    }

    private async Task<ClusterSnapshot> ReadAsync()
    {
        try
        {
            last = await GrainFactory.GetGrain<IClusterStatusGrain>(0).GetSnapshot();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            LogReadFailed(logger, e);
        }

        return last ?? new ClusterSnapshot(timeProvider.GetUtcNow(), []);
    }

    private static bool SameCluster(ClusterSnapshot a, ClusterSnapshot b) => a.Silos.SequenceEqual(b.Silos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the cluster's state")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
