using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PHDB.Domain;
using PHDB.Grains.Harvest.Events;
using PHDB.Grains.RateBudgets;
using PHDB.ProductHunt;

namespace PHDB.Grains.Harvest;

/// <summary>
/// The silo's fetching loops. Each leases partitions from the coordinator, takes their ready tasks, packs them into
/// one request, waits for a slot of the application's rate budget, sends it, has the <see cref="HarvestBatchCommitter"/>
/// write the answers in one transaction, and only then reports each task's new cursor to its owner. A crash between
/// the write and the report re-fetches the page (at least once, idempotent writes: nothing lost, nothing doubled).
/// </summary>
public sealed partial class HarvestWorker(
    IGrainFactory grains,
    IClusterClient cluster,
    ApiApplications applications,
    HarvestBatchCommitter committer,
    HarvestTelemetry telemetry,
    IOptions<HarvestWorkerOptions> options,
    TimeProvider timeProvider,
    ILogger<HarvestWorker> logger
) : BackgroundService
{
    private static readonly PostsPage FullPostsPage = new() { Order = PostsOrder.Newest };

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var prefix = Environment.MachineName + "/" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var loops =
            from application in applications.All
            from i in Enumerable.Range(0, options.Value.Concurrency)
            select RunAsync(application, $"{prefix}/{application.Fingerprint}/{i}", stoppingToken);
        await Task.WhenAll(loops);
    }

    private async Task RunAsync(ApiApplication application, string worker, CancellationToken stoppingToken)
    {
        var coordinator = grains.GetGrain<IPartitionLeasing>(IHarvestCoordinatorGrain.Key);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                pause = await StepAsync(application, coordinator, worker, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogStepFailed(logger, worker, e);
                pause = options.Value.ErrorDelay;
            }

            if (pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(pause, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One lease-fetch-write-report cycle; returns how long to pause before the next.</summary>
    private async Task<TimeSpan> StepAsync(
        ApiApplication application,
        IPartitionLeasing coordinator,
        string worker,
        CancellationToken cancellationToken
    )
    {
        // The slot comes first: partitions are leased only for the time of the request, not of the wait.
        var budget = grains.GetGrain<IRateBudgetGrain>(application.Fingerprint);
        var slot = await budget.Acquire();
        var wait = slot.NotBefore - timeProvider.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
        }

        List<string> leased;
        try
        {
            leased = [.. await coordinator.LeasePartitions(worker, PartitionsToLease(application.Client))];
        }
        catch
        {
            await budget.Release(slot.Id);
            throw;
        }

        if (leased.Count == 0)
        {
            await budget.Release(slot.Id);
            return options.Value.IdleDelay;
        }

        var completed = new List<PartitionProgress>();
        var sent = false;
        try
        {
            var (tickets, request) = await TakeWorkAsync(application.Client, coordinator, worker, leased);

            if (tickets.Count == 0)
            {
                foreach (var key in leased)
                {
                    completed.Add(await grains.GetGrain<ICrawlPartitionGrain>(key).GetProgress());
                }

                return TimeSpan.Zero;
            }

            var ready = timeProvider.GetUtcNow();
            if (ready > slot.SendBy)
            {
                // Leasing and planning outlasted the slot: sent now, the request could fall into a window the budget
                // has already filled. The slot goes back and the work waits for the next one.
                telemetry.SlotsMissed.Add(1);
                LogSlotMissed(logger, worker, ready - slot.NotBefore);
                return TimeSpan.Zero;
            }

            tickets = tickets.Take(request.Count).ToList();
            sent = true;
            var pack = await SendAsync(application, budget, slot, request, cancellationToken);
            if (pack is null)
            {
                return options.Value.ErrorDelay;
            }

            var outcomes = await committer.CommitAsync(application, tickets, pack, cancellationToken);
            foreach (var partition in outcomes.GroupBy(o => o.Partition))
            {
                completed.Add(
                    await grains
                        .GetGrain<ICrawlPartitionGrain>(partition.Key)
                        .Complete([.. partition.Select(o => o.Outcome)])
                );
            }

            return TimeSpan.Zero;
        }
        finally
        {
            if (!sent)
            {
                await budget.Release(slot.Id);
            }

            await coordinator.ReturnLeases(worker, leased, completed);
        }
    }

    /// <summary>
    /// The work of the leased partitions for one request, pages of their own connections first, then nested work in
    /// what room the cap leaves, and the request those tasks' items are planned into (it may hold fewer). Small pages
    /// (sized to the rows their counts announce, or lean listings) leave room: while every task taken fits in one
    /// request, a partition that gave all it was asked for is asked for more, and once none has more and a sweep's
    /// lean listing is among them, more partitions are leased (added to <paramref name="leased"/>).
    /// </summary>
    private async Task<(List<WorkTicket> Tickets, IReadOnlyList<WorkItem> Request)> TakeWorkAsync(
        IProductHuntClient client,
        IPartitionLeasing coordinator,
        string worker,
        List<string> leased
    )
    {
        var byPartition = new Dictionary<string, IReadOnlyList<WorkTicket>>(StringComparer.Ordinal);
        var asked = new Dictionary<string, int>(StringComparer.Ordinal);
        var more = leased.ToList();
        while (true)
        {
            foreach (var key in more)
            {
                var ask = asked.TryGetValue(key, out var before)
                    ? Math.Min(before * 4, HarvestWorkerOptions.MaxTasksPerPartition)
                    : options.Value.TasksPerPartition;
                asked[key] = ask;
                byPartition[key] = await grains.GetGrain<ICrawlPartitionGrain>(key).TakeWork(ask);
            }

            List<WorkTicket> tickets = [.. leased.SelectMany(k => byPartition[k]).OrderBy(t => t.Task.IsNested)];
            var request = tickets.Count == 0 ? [] : client.Plan([.. tickets.Select(t => t.Task.ToWorkItem())])[0];
            if (tickets.Count == 0 || request.Count < tickets.Count)
            {
                return (tickets, request);
            }

            more =
            [
                .. leased.Where(k =>
                    byPartition[k].Count >= asked[k] && asked[k] < HarvestWorkerOptions.MaxTasksPerPartition
                ),
            ];
            // A sweep's lean listings are the pages small enough that many windows fit one request: for them, lease
            // more partitions while everything taken fits.
            if (
                more.Count == 0
                && leased.Count < HarvestWorkerOptions.MaxPartitionsPerLease
                && tickets.Exists(t => t.Task is { Lean: true, IsNested: false })
            )
            {
                var extra = await coordinator.LeasePartitions(
                    worker,
                    Math.Min(leased.Count, HarvestWorkerOptions.MaxPartitionsPerLease - leased.Count)
                );
                leased.AddRange(extra);
                more = [.. extra];
            }

            if (more.Count == 0)
            {
                return (tickets, request);
            }
        }
    }

    /// <summary>
    /// Partitions to lease for one request: the configured number, or more where the complexity cap the client
    /// learned lets one request carry more full posts pages than that (each leased partition gives one page of its
    /// own connection), so a higher cap turns into more posts per request.
    /// </summary>
    private int PartitionsToLease(IProductHuntClient client)
    {
        var configured = options.Value.PartitionsPerLease;
        if (client.Complexity.Cap <= 0)
        {
            return configured;
        }

        var postsPages = client
            .Plan([.. Enumerable.Repeat<WorkItem>(FullPostsPage, HarvestWorkerOptions.MaxPartitionsPerLease)])[0]
            .Count;
        return Math.Clamp(postsPages, configured, HarvestWorkerOptions.MaxPartitionsPerLease);
    }

    /// <summary>Sends one request within the rate budget; null when it failed as a whole.</summary>
    private async Task<PackResult?> SendAsync(
        ApiApplication application,
        IRateBudgetGrain budget,
        RequestSlot slot,
        IReadOnlyList<WorkItem> request,
        CancellationToken cancellationToken
    )
    {
        // The client's span ("ProductHunt <operation>") is the request's: its aliases are the items packed.
        telemetry.ItemsPerRequest.Record(request.Count);
        PackResult pack;
        try
        {
            // A slot pays for one request: what a refused pack splits into, or items sent again, wait for the next.
            pack = await application.Client.ExecuteAsync(request, maxRequests: 1, cancellationToken);
        }
        catch (ProductHuntRateLimitException e)
        {
            await RateLimitedAsync(application, budget, slot, e);
            return null;
        }
        catch (PhdbException e)
        {
            // The request reached the API, or may have: the slot is not given back (its time would go to another
            // request in the same window) but stays counted in its window until it times out.
            LogRequestFailed(logger, request.Count, e.Message);
            return null;
        }

        var limited = pack.Results.Select(r => r.Error).OfType<ProductHuntRateLimitException>().FirstOrDefault();
        if (limited is not null)
        {
            await RateLimitedAsync(application, budget, slot, limited);
        }
        else if (pack.Budget is { Limit: { } limit, Remaining: { } remaining, ResetIn: { } resetIn } known)
        {
            await budget.Report(
                slot.Id,
                new BudgetObservation(limit, remaining, resetIn, known.ObservedAt, application.TokenHint)
            );
        }
        // An answer without the budget's headers was still charged: its slot stays counted in its window until it
        // times out, as one in flight.

        return pack;
    }

    private async Task RateLimitedAsync(
        ApiApplication application,
        IRateBudgetGrain budget,
        RequestSlot slot,
        ProductHuntRateLimitException e
    )
    {
        await PublishAsync(new RateLimitHit(timeProvider.GetUtcNow(), application.Fingerprint, e.ResetIn));
        LogRateLimited(logger, application.Fingerprint, e.ResetIn);
        var observation = e.Budget is { Limit: { } limit, Remaining: { } remaining }
            ? new BudgetObservation(limit, remaining, e.ResetIn, e.Budget.ObservedAt, application.TokenHint)
            : null;
        await budget.ReportRateLimited(slot.Id, e.ResetIn, observation);
    }

    /// <summary>Publishes a harvest event; a stream that cannot take it never fails the harvest.</summary>
    private Task PublishAsync(HarvestEvent harvestEvent) =>
        cluster.GetStreamProvider(HarvestEvents.Provider).TryPublishAsync(harvestEvent, logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Harvest worker {Worker} failed a step")]
    private static partial void LogStepFailed(ILogger logger, string worker, Exception exception);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Harvest worker {Worker} gave back its slot: the request was ready {Late} after the slot opened"
    )]
    private static partial void LogSlotMissed(ILogger logger, string worker, TimeSpan late);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A request of {Items} page(s) failed: {Reason}")]
    private static partial void LogRequestFailed(ILogger logger, int items, string reason);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Application {Application} was rate limited; the budget resets in {ResetIn}"
    )]
    private static partial void LogRateLimited(ILogger logger, string application, TimeSpan resetIn);
}
