using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using PHDB.Grains.Harvest;
using PHDB.Grains.Harvest.Events;
using PHDB.Grains.RateBudgets;
using PHDB.Storage;

namespace PHDB.Operations;

/// <summary>
/// Follows the harvest for the whole console: subscribes to the harvest event stream, renews that subscription and
/// re-reads the grains' state every <see cref="HarvestFeedOptions.Renewal"/>, and pushes a new
/// <see cref="HarvestView"/> to every open page when something changed (at most every
/// <see cref="HarvestFeedOptions.PushInterval"/>), so a hundred open pages cost one subscription.
/// </summary>
public sealed partial class HarvestFeed(
    IClusterClient client,
    StoredTotalsReader totalsReader,
    TimeProvider timeProvider,
    IOptions<HarvestFeedOptions> options,
    ILogger<HarvestFeed> logger
) : BackgroundService
{
    /// <summary>How soon a failed renewal is tried again.</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long leaving the stream may take at shutdown.</summary>
    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(3);

    private readonly Lock gate = new();
    private readonly Dictionary<string, PartitionProgress> partitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateBudgetStatus> budgets = new(StringComparer.Ordinal);
    private readonly LinkedList<HarvestEvent> recent = new();
    private readonly Queue<(int Pages, int Points)> batches = new();
    private readonly HarvestPaceWatch pace = new(options.Value.PaceSpan);
    private HarvestStatus? status;
    private WrittenRows written = new(0, 0, 0, 0);
    private StoredTotals? totals;
    private string? clusterProblem;
    private string? databaseProblem;
    private bool changed = true;
    private bool totalsWanted = true;
    private bool partitionsStale;
    private DateTimeOffset lastTotalsAt = DateTimeOffset.MinValue;
    private HarvestView current = HarvestView.Empty;

    /// <summary>The latest view.</summary>
    public HarvestView Current => Volatile.Read(ref current);

    /// <summary>Raised with each new view (on a background thread).</summary>
    public event Action<HarvestView>? Changed;

    /// <summary>The coordinator the console commands.</summary>
    public IHarvestControl Coordinator => client.GetGrain<IHarvestControl>(IHarvestCoordinatorGrain.Key);

    /// <summary>Takes in the status a command answered with, so every open page shows it at the next push.</summary>
    public void Accept(HarvestStatus commanded)
    {
        ArgumentNullException.ThrowIfNull(commanded);
        lock (gate)
        {
            ApplyStatus(commanded);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pushing = PushLoopAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Until the cluster first answers (the console may start before the silos are ready), try again soon.
                var renewed = await RenewAsync();
                var wait = renewed ? options.Value.Renewal : Min(RetryInterval, options.Value.Renewal);
                await Task.Delay(wait, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }

        await pushing;
        await UnsubscribeAsync();
    }

    /// <summary>Ends this client's subscriptions, so the stream stops delivering to a process that is going away.</summary>
    private async Task UnsubscribeAsync()
    {
        try
        {
            var stream = HarvestEvents.Get(client);
            var handles = await stream.GetAllSubscriptionHandles().WaitAsync(UnsubscribeTimeout);
            foreach (var handle in handles)
            {
                await handle.UnsubscribeAsync().WaitAsync(UnsubscribeTimeout);
            }
        }
        catch (Exception e)
        {
            // Best effort: the stream drops subscribers whose client is gone by itself.
            LogUnsubscribeFailed(logger, e);
        }
    }

    /// <summary>Renews the stream subscription and re-reads status, partitions and budgets from the grains.</summary>
    /// <returns>Whether the grains answered.</returns>
    internal async Task<bool> RenewAsync()
    {
        try
        {
            var stream = HarvestEvents.Get(client);
            var handles = await stream.GetAllSubscriptionHandles();
            if (handles.Count == 0)
            {
                await stream.SubscribeAsync(OnNextAsync);
            }
            else
            {
                foreach (var handle in handles)
                {
                    await handle.ResumeAsync(OnNextAsync);
                }
            }

            var read = await HarvestGrainState.ReadAsync(client);
            lock (gate)
            {
                ApplyStatus(read.Status);
                ReplacePartitions(read.Partitions);
                foreach (var (application, budget) in read.Budgets)
                {
                    budgets[application] = budget;
                }

                clusterProblem = null;
                totalsWanted = true;
                changed = true;
            }

            return true;
        }
        catch (Exception e)
        {
            LogRenewFailed(logger, e);
            lock (gate)
            {
                clusterProblem = $"The cluster cannot be read: {e.Message}";
                changed = true;
            }

            return false;
        }
    }

    /// <summary>Takes in one event of the harvest stream.</summary>
    internal Task OnNextAsync(HarvestEvent harvestEvent, StreamSequenceToken? token)
    {
        lock (gate)
        {
            switch (harvestEvent)
            {
                case HarvestStatusChanged e:
                    ApplyStatus(e.Status);
                    break;
                case PartitionsChanged e when e.RunId == status?.RunId:
                    foreach (var progress in e.Partitions)
                    {
                        partitions[progress.Key] = progress;
                    }

                    break;
                case PartitionsChanged:
                    // Another run's (or before the first status): the next renewal reads the current run's.
                    partitionsStale = true;
                    break;
                case RateBudgetChanged e:
                    budgets[e.Application] = e.Status;
                    break;
                case PostsSynced e:
                    written = new WrittenRows(
                        written.Batches + 1,
                        written.Posts + e.Posts,
                        written.Comments + e.Comments,
                        written.Votes + e.Votes
                    );
                    batches.Enqueue((e.Pages, e.Points));
                    while (batches.Count > options.Value.RecentBatches)
                    {
                        batches.Dequeue();
                    }

                    totalsWanted = true;
                    break;
                default:
                    Remember(harvestEvent);
                    totalsWanted |= harvestEvent is HarvestCompleted or HarvestFailed;
                    break;
            }

            changed = true;
        }

        return Task.CompletedTask;
    }

    private async Task PushLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PushInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PushAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // A failing page handler or read must not stop the pushes to every other page.
                    LogPushFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Reads what is due (totals, partitions of a new run) and pushes a view if anything changed.</summary>
    internal async Task PushAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        bool readTotals,
            readPartitions;
        lock (gate)
        {
            readTotals = totalsWanted && now - lastTotalsAt >= options.Value.TotalsInterval;
            readPartitions = partitionsStale;
            partitionsStale = false;
        }

        if (readTotals)
        {
            await ReadTotalsAsync(now, cancellationToken);
        }

        if (readPartitions)
        {
            await ReadPartitionsAsync();
        }

        HarvestView view;
        lock (gate)
        {
            if (!changed)
            {
                return;
            }

            changed = false;
            pace.Observe(status, partitions.Values, now);
            view = new HarvestView(
                status,
                new Dictionary<string, PartitionProgress>(partitions, StringComparer.Ordinal),
                new Dictionary<string, RateBudgetStatus>(budgets, StringComparer.Ordinal),
                [.. recent],
                totals,
                batches.Count == 0 ? null : batches.Average(b => b.Pages),
                batches.Count == 0 ? null : batches.Average(b => b.Points),
                written,
                now,
                clusterProblem ?? databaseProblem
            )
            {
                IdleBudgetAfter = options.Value.IdleBudgetAfter,
                Pace = pace.Recent,
            };
        }

        Volatile.Write(ref current, view);
        Changed?.Invoke(view);
    }

    private async Task ReadTotalsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var read = await totalsReader.ReadAsync(cancellationToken);
            lock (gate)
            {
                totals = read;
                totalsWanted = false;
                lastTotalsAt = now;
                databaseProblem = null;
                changed = true;
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            LogTotalsFailed(logger, e);
            lock (gate)
            {
                lastTotalsAt = now;
                databaseProblem = $"The database cannot be read: {e.Message}";
                changed = true;
            }
        }
    }

    private async Task ReadPartitionsAsync()
    {
        try
        {
            var read = await Coordinator.GetPartitions();
            lock (gate)
            {
                ReplacePartitions(read);
                changed = true;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRenewFailed(logger, e);
            lock (gate)
            {
                partitionsStale = true;
            }
        }
    }

    private void ApplyStatus(HarvestStatus next)
    {
        if (status is not null && status.RunId != next.RunId)
        {
            // A new run: its partitions replace the last run's; read them all, not only those that move.
            partitions.Clear();
            partitionsStale = true;
        }

        status = next;
        changed = true;
    }

    private void ReplacePartitions(IReadOnlyList<PartitionProgress> read)
    {
        partitions.Clear();
        foreach (var progress in read)
        {
            partitions[progress.Key] = progress;
        }
    }

    private void Remember(HarvestEvent harvestEvent)
    {
        recent.AddFirst(harvestEvent);
        while (recent.Count > options.Value.RecentEvents)
        {
            recent.RemoveLast();
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not follow the harvest: the cluster cannot be read")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not leave the harvest event stream")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push the harvest view")]
    private static partial void LogPushFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the stored totals")]
    private static partial void LogTotalsFailed(ILogger logger, Exception exception);
}
