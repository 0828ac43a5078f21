using Microsoft.Extensions.Options;
using PHDB.Grains;

namespace PHDB.Admin.Cluster;

/// <summary>
/// Reads the cluster's state once per interval for the whole console and tells every open page when it
/// changed, so a hundred open pages cost one read.
/// </summary>
public sealed partial class ClusterMonitor(
    IClusterClient client,
    TimeProvider timeProvider,
    IOptions<ClusterMonitorOptions> options,
    ILogger<ClusterMonitor> logger
) : BackgroundService
{
    private ClusterSnapshot? latest;

    /// <summary>Raised after each successful read.</summary>
    public event Action<ClusterSnapshot>? Updated;

    /// <summary>The last snapshot read, or <see langword="null"/> before the first read succeeded.</summary>
    public ClusterSnapshot? Latest => Volatile.Read(ref latest);

    /// <summary>The last failure to read the cluster, cleared by the next success.</summary>
    public string? LastError { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, timeProvider);
        do
        {
            await RefreshAsync();
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reads the cluster now and notifies subscribers.</summary>
    public async Task RefreshAsync()
    {
        try
        {
            var snapshot = await client.GetGrain<IClusterStatusGrain>(0).GetSnapshot();
            Volatile.Write(ref latest, snapshot);
            LastError = null;
            Updated?.Invoke(snapshot);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LastError = e.Message;
            LogReadFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the cluster's state")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
