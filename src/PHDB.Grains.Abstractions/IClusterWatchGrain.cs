namespace PHDB.Grains;

/// <summary>
/// Watches the cluster (key 0) for its subscribers: while anyone is subscribed it reads the cluster every couple of
/// seconds and pushes each change. A subscription lapses unless renewed within
/// <see cref="SubscriptionLifetime"/>, so subscribers renew it periodically (which also re-subscribes them after
/// the grain moved to another silo).
/// </summary>
[Alias("phdb.IClusterWatchGrain")]
public interface IClusterWatchGrain : IGrainWithIntegerKey
{
    /// <summary>How long a subscription lasts without renewal.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Subscribes (or renews) <paramref name="observer"/>; answers the cluster now.</summary>
    [Alias("Subscribe")]
    Task<ClusterSnapshot> Subscribe(IClusterObserver observer);

    /// <summary>Ends <paramref name="observer"/>'s subscription.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(IClusterObserver observer);
}
