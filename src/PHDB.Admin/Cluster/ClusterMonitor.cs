using Microsoft.Extensions.Options;
using PHDB.Grains;

namespace PHDB.Admin.Cluster;

/// <summary>
/// Follows the cluster for the whole console: subscribes to <see cref="IClusterWatchGrain"/> as a grain observer,
/// renews the subscription every <see cref="ClusterMonitorOptions.RenewInterval"/> and tells every open page when
/// the cluster changed, so a hundred open pages cost one subscription.
/// </summary>
public sealed partial class ClusterMonitor(
    IClusterClient client,
    TimeProvider timeProvider,
    IOptions<ClusterMonitorOptions> options,
    ILogger<ClusterMonitor> logger
) : BackgroundService, IClusterObserver
{
    private ClusterSnapshot? latest;
    private long lastHeardTicks;

    /// <summary>Raised with each change pushed (on a background thread).</summary>
    public event Action<ClusterSnapshot>? Updated;

    /// <summary>The last snapshot, or <see langword="null"/> before the first one arrived.</summary>
    public ClusterSnapshot? Latest => Volatile.Read(ref latest);

    /// <summary>When the cluster last answered or pushed, if ever.</summary>
    public DateTimeOffset? LastHeardAt =>
        Interlocked.Read(ref lastHeardTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The last failure to reach the cluster, cleared by the next success.</summary>
    public string? LastError { get; private set; }

    /// <inheritdoc />
    public void ClusterChanged(ClusterSnapshot snapshot) => Accept(snapshot);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = client.CreateObjectReference<IClusterObserver>(this);
        var watch = client.GetGrain<IClusterWatchGrain>(0);
        try
        {
            using var timer = new PeriodicTimer(options.Value.RenewInterval, timeProvider);
            do
            {
                try
                {
                    // At most a renewal's time: a call that went to a silo as it died is answered only by the
                    // client's response timeout (30 s), and the next renewal reaches the grain where it lives now.
                    Accept(await watch.Subscribe(reference).WaitAsync(options.Value.RenewInterval, stoppingToken));
                    LastError = null;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LastError = e.Message;
                    LogSubscribeFailed(logger, e);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            try
            {
                await watch.Unsubscribe(reference).WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The subscription lapses by itself.
            }

            client.DeleteObjectReference<IClusterObserver>(reference);
        }
    }

    private void Accept(ClusterSnapshot snapshot)
    {
        Interlocked.Exchange(ref lastHeardTicks, timeProvider.GetUtcNow().UtcTicks);
        var previous = Interlocked.Exchange(ref latest, snapshot);
        if (previous is null || !previous.Silos.SequenceEqual(snapshot.Silos))
        {
            Updated?.Invoke(snapshot);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to the cluster's state")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
