using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PHDB.Grains.Harvest.Events;
using PHDB.Grains.Publishing;
using PHDB.Grains.Webhooks;
using PHDB.Storage;

namespace PHDB.Grains.Harvest;

/// <summary>
/// The harvest coordinator; see <see cref="IHarvestCoordinatorGrain"/>. It publishes its status and the partitions
/// whose progress moved on the harvest event stream, at most once per <see cref="PublishInterval"/> (phase changes
/// at once). A parked partition is retried by itself once <see cref="ParkedRetryPolicy"/> says so, its park and
/// retry recorded with the reason in the run's counts and partition history.
/// </summary>
public sealed partial class HarvestCoordinatorGrain(
    [PersistentState("coordinator", PhdbCluster.StateStorage)] IPersistentState<HarvestCoordinatorState> state,
    IOptions<HarvestOptions> options,
    HarvestBookkeeping bookkeeping,
    WebhookRelay webhooks,
    TimeProvider timeProvider,
    ILogger<HarvestCoordinatorGrain> logger
) : Grain, IHarvestCoordinatorGrain, IRemindable
{
    /// <summary>The shortest time between two published status changes.</summary>
    public static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(1);

    private const string IncrementalReminder = "incremental";
    private readonly Dictionary<string, PartitionProgress> movedPartitions = new(StringComparer.Ordinal);
    private bool statusChanged;
    private readonly PartitionLeaseBook leases = new(options.Value.LeaseDuration);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, status) in state.State.Partitions)
        {
            if (status is PartitionStatus.Pending or PartitionStatus.Running)
            {
                leases.Offer(key);
            }
        }

        this.RegisterGrainTimer(_ => TickAsync(), PublishInterval, PublishInterval);
        if (state.State.RunId > 0)
        {
            await CloseAbandonedRunsAsync(state.State.RunId);
        }

        await EnsureScheduleAsync();
        if (state.State.Mode == HarvestMode.None && options.Value.StartAutomatically)
        {
            await StartAsync(HarvestMode.Full);
        }
    }

    /// <inheritdoc />
    public Task<HarvestStatus> StartFull() => StartAsync(HarvestMode.Full);

    /// <inheritdoc />
    public Task<HarvestStatus> StartIncremental() => StartAsync(HarvestMode.Incremental);

    /// <inheritdoc />
    public async Task<HarvestStatus> PauseRun()
    {
        if (state.State.Phase == HarvestPhase.Running)
        {
            state.State.Phase = HarvestPhase.Paused;
            await state.WriteStateAsync();
            LogPhase(logger, state.State.RunId, HarvestPhase.Paused);
            await PublishChangesAsync(force: true);
        }

        return Status();
    }

    /// <inheritdoc />
    public async Task<HarvestStatus> ResumeRun()
    {
        if (state.State.Phase == HarvestPhase.Paused)
        {
            foreach (
                var key in state
                    .State.Partitions.Where(p => p.Value == PartitionStatus.Parked)
                    .Select(p => p.Key)
                    .ToList()
            )
            {
                state.State.Partitions[key] = (await GrainFactory.GetGrain<ICrawlPartitionGrain>(key).Unpark()).Status;
                if (state.State.Parkings.TryGetValue(key, out var parking))
                {
                    parking.RetryAt = null;
                }

                leases.Offer(key);
            }

            state.State.Phase = HarvestPhase.Running;
            await state.WriteStateAsync();
            LogPhase(logger, state.State.RunId, HarvestPhase.Running);
            await PublishChangesAsync(force: true);
        }

        return Status();
    }

    /// <inheritdoc />
    public async Task<HarvestStatus> CancelRun()
    {
        if (state.State.Phase is HarvestPhase.Running or HarvestPhase.Paused)
        {
            await FinishAsync(HarvestPhase.Cancelled);
        }

        return Status();
    }

    /// <inheritdoc />
    public Task<HarvestStatus> GetStatus() => Task.FromResult(Status());

    /// <inheritdoc />
    public async Task<IReadOnlyList<PartitionProgress>> GetPartitions() =>
        await Task.WhenAll(
            state.State.Partitions.Keys.Select(k => GrainFactory.GetGrain<ICrawlPartitionGrain>(k).GetProgress())
        );

    /// <inheritdoc />
    public Task<HarvestSchedule> GetSchedule() => Task.FromResult(Schedule());

    /// <inheritdoc />
    public async Task<HarvestSchedule> SetSchedule(HarvestSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(schedule));
        }

        state.State.IncrementalInterval = schedule.IncrementalInterval;
        state.State.LookBack = schedule.LookBack;
        await state.WriteStateAsync();
        await EnsureScheduleAsync();
        LogScheduleChanged(logger, schedule.IncrementalInterval, schedule.LookBack);
        await PublishChangesAsync(force: true);
        return Schedule();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> LeasePartitions(string worker, int max)
    {
        if (state.State.Phase != HarvestPhase.Running)
        {
            return [];
        }

        var leased = leases.Lease(worker, max, timeProvider.GetUtcNow(), IsOpen);
        statusChanged |= leased.Count > 0;
        if (leased.Count == 0 && leases.Leased == 0 && AllPartitionsEnded())
        {
            // The returned lease that ended the last partition could not finish the run (a partition of its
            // follow-ups was unreachable): the next worker that asks for work finishes it.
            await FinishIfEndedAsync();
        }

        return leased;
    }

    /// <inheritdoc />
    public async Task ReturnLeases(
        string worker,
        IReadOnlyList<string> partitions,
        IReadOnlyList<PartitionProgress> progress
    )
    {
        var changed = false;
        statusChanged = true;
        foreach (var update in progress)
        {
            movedPartitions[update.Key] = update;
            if (update.RootExhausted)
            {
                leases.RootRead(update.Key);
            }

            if (state.State.Partitions.TryGetValue(update.Key, out var known) && known != update.Status)
            {
                state.State.Partitions[update.Key] = update.Status;
                changed = true;
                if (update.Status == PartitionStatus.Parked)
                {
                    RecordPark(update);
                }

                if (update.Status is PartitionStatus.Done or PartitionStatus.Parked)
                {
                    await PublishAsync(
                        new PartitionCompleted(timeProvider.GetUtcNow(), state.State.RunId, update.Key, update.Status)
                    );
                }
            }
        }

        leases.Return(worker, partitions, IsOpen);

        if (state.State.Phase == HarvestPhase.Running && AllPartitionsEnded())
        {
            await FinishIfEndedAsync();
        }
        else if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == IncrementalReminder && state.State.FullHarvestCompleted && !IsActive)
        {
            await StartAsync(HarvestMode.Incremental);
        }
    }

    private bool IsActive => state.State.Phase is HarvestPhase.Running or HarvestPhase.Paused;

    private async Task<HarvestStatus> StartAsync(HarvestMode mode)
    {
        if (IsActive)
        {
            return Status();
        }

        // Claim the state first: while a cluster forms, two activations of this grain may both start a run; the one
        // whose write loses fails here, before it records a run that nobody would ever finish.
        await state.WriteStateAsync();
        var now = timeProvider.GetUtcNow();
        var runId = await bookkeeping.StartRunAsync(
            mode == HarvestMode.Full ? "full" : "incremental",
            CancellationToken.None
        );
        var plan =
            mode == HarvestMode.Full
                ? HarvestPlanner.Full(runId, options.Value, now)
                : HarvestPlanner.IncrementalChecks(runId, RunOptions(), Anchor());
        await Task.WhenAll(plan.Select(p => GrainFactory.GetGrain<ICrawlPartitionGrain>(p.Key).Plan(p.Root)));

        state.State.Mode = mode;
        state.State.Phase = HarvestPhase.Running;
        state.State.RunId = runId;
        state.State.StartedAt = now;
        state.State.FinishedAt = null;
        state.State.FollowUpsDecided = mode == HarvestMode.Full;
        state.State.FollowUpsPlannedAt = mode == HarvestMode.Full ? now : null;
        state.State.Partitions = plan.ToDictionary(p => p.Key, _ => PartitionStatus.Pending, StringComparer.Ordinal);
        state.State.Parkings = new(StringComparer.Ordinal);
        await state.WriteStateAsync();

        leases.Clear();
        foreach (var (key, _) in plan)
        {
            leases.Offer(key);
        }

        await CloseAbandonedRunsAsync(runId);

        LogStarted(logger, runId, mode, plan.Count);
        movedPartitions.Clear();
        await PublishChangesAsync(force: true);
        return Status();
    }

    /// <summary>Whether a partition of the run still has work: pending or running.</summary>
    private bool IsOpen(string key) =>
        state.State.Partitions.TryGetValue(key, out var status)
        && status is PartitionStatus.Pending or PartitionStatus.Running;

    /// <summary>Whether every partition is done or parked for good (its automatic retries spent).</summary>
    private bool AllPartitionsEnded() =>
        state.State.Partitions.All(p =>
            p.Value == PartitionStatus.Done
            || (p.Value == PartitionStatus.Parked && state.State.Parkings.GetValueOrDefault(p.Key)?.RetryAt is null)
        );

    /// <summary>Records a partition's park and when it is retried by itself.</summary>
    private void RecordPark(PartitionProgress update)
    {
        var now = timeProvider.GetUtcNow();
        if (!state.State.Parkings.TryGetValue(update.Key, out var parking))
        {
            parking = new PartitionParking();
            state.State.Parkings[update.Key] = parking;
        }

        parking.Parks++;
        parking.Reason = update.LastError;
        parking.ParkedAt = now;
        parking.RetryAt = new ParkedRetryPolicy(options.Value).RetryAt(now, parking.Retries);
        LogParked(logger, state.State.RunId, update.Key, parking.Parks, parking.RetryAt, update.LastError);
    }

    /// <summary>The timer's work: publishes what changed, then retries the parked partitions whose wait is over.</summary>
    private async Task TickAsync()
    {
        await PublishChangesAsync();
        await RetryDueParkedAsync();
    }

    /// <summary>
    /// Unparks the partitions whose retry is due (their failures forgotten) and queues them again: an outage that
    /// parked them needs no operator once it is over. A partition that still fails parks again, waiting longer.
    /// </summary>
    private async Task RetryDueParkedAsync()
    {
        if (state.State.Phase != HarvestPhase.Running)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var due = state
            .State.Parkings.Where(p =>
                p.Value.RetryAt <= now && state.State.Partitions.GetValueOrDefault(p.Key) == PartitionStatus.Parked
            )
            .ToList();
        if (due.Count == 0)
        {
            return;
        }

        foreach (var (key, parking) in due)
        {
            var progress = await GrainFactory.GetGrain<ICrawlPartitionGrain>(key).Unpark();
            parking.Retries++;
            parking.RetryAt = null;
            state.State.Partitions[key] = progress.Status;
            movedPartitions[key] = progress;
            statusChanged = true;
            if (progress.Status is PartitionStatus.Pending or PartitionStatus.Running)
            {
                leases.Offer(key);
            }

            LogRetried(logger, state.State.RunId, key, parking.Retries, parking.Reason);
        }

        await state.WriteStateAsync();
    }

    /// <summary>Once every partition has ended: plans the follow-ups the checks call for, or else completes the run.</summary>
    private async Task FinishIfEndedAsync()
    {
        if (!await PlanFollowUpsAsync())
        {
            await FinishAsync(HarvestPhase.Completed);
        }
    }

    /// <summary>
    /// Once an incremental run's checks are done, plans the whole reads they call for. Returns whether it planned any
    /// (the run goes on); a run with a parked check plans nothing and ends as failed.
    /// </summary>
    private async Task<bool> PlanFollowUpsAsync()
    {
        if (state.State.FollowUpsDecided || state.State.Partitions.ContainsValue(PartitionStatus.Parked))
        {
            return false;
        }

        var runId = state.State.RunId;
        var partitions = (await GetPartitions()).ToDictionary(p => p.Key, StringComparer.Ordinal);
        var check = new IncrementalCheckResult(
            partitions.Values.Where(p => HarvestPlanner.IsPostsWindow(runId, p.Key)).Max(p => p.NewestPost),
            partitions.GetValueOrDefault(HarvestPlanner.NewestTopicsKey(runId))?.NewestRow,
            partitions.GetValueOrDefault(HarvestPlanner.NewestCollectionsKey(runId))?.NewestRow
        );
        var now = timeProvider.GetUtcNow();
        var s = state.State;
        var followUps = HarvestPlanner.FollowUpsNeeded(
            options.Value,
            new HarvestMarks(
                s.HighWaterMark,
                s.NewestTopic,
                s.NewestCollection,
                s.RefreshedAt,
                s.TopicsReadAt,
                s.CollectionsReadAt,
                s.SweptAt,
                s.CommentsSweptAt
            ),
            check,
            now
        );
        // The refresh stays anchored on the high-water mark the run started from, not on the one its checks moved:
        // a post that left the refresh period since the last refresh may have changed before it left.
        var plan = HarvestPlanner.FollowUps(runId, RunOptions(), Anchor(), followUps);
        LogChecked(
            logger,
            runId,
            followUps.Refresh,
            followUps.Topics,
            followUps.Collections,
            followUps.Sweep,
            followUps.SweepComments
        );

        // The partitions are planned before the decision is recorded: if one cannot be reached, the run is not
        // finished without them, and the next returned lease decides again.
        await Task.WhenAll(plan.Select(p => GrainFactory.GetGrain<ICrawlPartitionGrain>(p.Key).Plan(p.Root)));
        s.FollowUpsDecided = true;
        s.FollowUpsPlannedAt = now;
        if (plan.Count == 0)
        {
            return false;
        }

        foreach (var (key, _) in plan)
        {
            s.Partitions[key] = PartitionStatus.Pending;
            leases.Offer(key);
        }

        await state.WriteStateAsync();
        await PublishChangesAsync(force: true);
        return true;
    }

    /// <summary>Remembers when this completed run read each part whole, and the newest rows those reads held.</summary>
    private void RecordWholeReads(IReadOnlyList<PartitionProgress> partitions)
    {
        var s = state.State;
        var plannedAt = s.FollowUpsPlannedAt ?? s.StartedAt;
        var byKey = partitions.ToDictionary(p => p.Key, StringComparer.Ordinal);
        if (s.Mode == HarvestMode.Full || byKey.Keys.Any(k => HarvestPlanner.IsRefresh(s.RunId, k)))
        {
            s.RefreshedAt = plannedAt;
        }

        if (s.Mode == HarvestMode.Full || byKey.Keys.Any(k => HarvestPlanner.IsSweep(s.RunId, k)))
        {
            s.SweptAt = plannedAt;
        }

        if (s.Mode == HarvestMode.Full || byKey.Keys.Any(k => HarvestPlanner.IsCommentsSweep(s.RunId, k)))
        {
            s.CommentsSweptAt = plannedAt;
        }

        if (byKey.TryGetValue(HarvestPlanner.TopicsKey(s.RunId), out var topics))
        {
            s.TopicsReadAt = plannedAt;
            s.NewestTopic = Later(s.NewestTopic, topics.NewestRow);
        }

        if (byKey.TryGetValue(HarvestPlanner.CollectionsKey(s.RunId), out var collections))
        {
            s.CollectionsReadAt = plannedAt;
            s.NewestCollection = Later(s.NewestCollection, collections.NewestRow);
        }
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a >= b || b is null ? a : b;

    /// <summary>Where incremental windows are anchored: the newest post stored, else the last completed run's start.</summary>
    private DateTimeOffset? Anchor() => state.State.HighWaterMark ?? state.State.LastCompletedStart;

    private HarvestOptions RunOptions() => options.Value.WithLookBack(Schedule().LookBack);

    private async Task FinishAsync(HarvestPhase phase)
    {
        var now = timeProvider.GetUtcNow();
        state.State.Phase = phase;
        state.State.FinishedAt = now;
        if (phase == HarvestPhase.Completed)
        {
            state.State.LastCompletedStart = state.State.StartedAt;
            state.State.FullHarvestCompleted |= state.State.Mode == HarvestMode.Full;
            var partitions = await GetPartitions();
            foreach (var progress in partitions)
            {
                if (progress.NewestPost is { } newest && !(state.State.HighWaterMark >= newest))
                {
                    state.State.HighWaterMark = newest;
                }
            }

            RecordWholeReads(partitions);
        }

        var parked = state.State.Partitions.Count(p => p.Value == PartitionStatus.Parked);
        HarvestEvent ended =
            phase != HarvestPhase.Cancelled && parked == 0
                ? new HarvestCompleted(now, state.State.RunId, state.State.Mode, state.State.Partitions.Count)
                : new HarvestFailed(
                    now,
                    state.State.RunId,
                    state.State.Mode,
                    phase == HarvestPhase.Cancelled ? "cancelled by an operator" : $"{parked} partition(s) parked"
                );
        // Into the webhook outboxes before the run is recorded as ended: if this activation dies in between, the
        // next one ends the run again and sends the event again under the same key.
        await webhooks.RelayAsync(GrainFactory, ended);
        await state.WriteStateAsync();
        leases.Clear();

        var counts = new Dictionary<string, long>
        {
            ["partitions"] = state.State.Partitions.Count,
            ["parked"] = parked,
            ["parks"] = state.State.Parkings.Values.Sum(p => p.Parks),
            ["park_retries"] = state.State.Parkings.Values.Sum(p => p.Retries),
        };
        var outcome = phase switch
        {
            HarvestPhase.Cancelled => HarvestOutcome.Cancelled,
            _ when parked > 0 => HarvestOutcome.Failed,
            _ => HarvestOutcome.Succeeded,
        };
        await bookkeeping.FinishRunAsync(
            state.State.RunId,
            outcome,
            counts,
            parked > 0 ? $"{parked} partition(s) parked after repeated failures{LastParkReason()}" : null,
            CancellationToken.None
        );
        LogPhase(logger, state.State.RunId, phase);
        await PublishChangesAsync(force: true);
        if (outcome == HarvestOutcome.Succeeded)
        {
            // One-way: the publisher decides whether a scheduled release is due; the harvest never waits for it.
            await GrainFactory
                .GetGrain<IPublicationGrain>(PublicationStatus.Key)
                .HarvestSucceeded(state.State.RunId, state.State.Mode);
        }

        await this.GetStreamProvider(HarvestEvents.Provider).TryPublishAsync(ended, logger);
        await EnsureScheduleAsync();
    }

    /// <summary>The latest park's reason, for the run's error (shortened).</summary>
    private string LastParkReason()
    {
        var reason = state
            .State.Parkings.Values.Where(p => p.Reason is not null)
            .OrderByDescending(p => p.ParkedAt)
            .Select(p => p.Reason!)
            .FirstOrDefault();
        return reason is null ? ""
            : reason.Length > 300 ? $"; last: {reason[..300]}…"
            : $"; last: {reason}";
    }

    private async Task EnsureScheduleAsync()
    {
        var interval = Schedule().IncrementalInterval;
        if (interval > TimeSpan.Zero && state.State.FullHarvestCompleted)
        {
            await this.RegisterOrUpdateReminder(IncrementalReminder, interval, interval);
        }
        else if (await this.GetReminder(IncrementalReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private HarvestSchedule Schedule() =>
        new(
            state.State.IncrementalInterval ?? options.Value.IncrementalInterval,
            state.State.LookBack ?? options.Value.LookBack
        );

    /// <summary>Publishes the status and the partitions that moved, if anything changed (or when forced).</summary>
    private async Task PublishChangesAsync(bool force = false)
    {
        if (!force && !statusChanged && movedPartitions.Count == 0)
        {
            return;
        }

        statusChanged = false;
        var now = timeProvider.GetUtcNow();
        if (movedPartitions.Count > 0)
        {
            var moved = movedPartitions.Values.ToList();
            movedPartitions.Clear();
            await PublishAsync(new PartitionsChanged(now, state.State.RunId, moved));
        }

        await PublishAsync(new HarvestStatusChanged(now, Status()));
    }

    private HarvestStatus Status()
    {
        var s = state.State;
        var schedule = Schedule();
        DateTimeOffset? next =
            s.FullHarvestCompleted && schedule.IncrementalInterval > TimeSpan.Zero && s.FinishedAt is { } finished
                ? finished + schedule.IncrementalInterval
                : null;
        return new HarvestStatus(
            s.Mode,
            s.Phase,
            s.RunId,
            s.StartedAt,
            s.FinishedAt,
            s.Partitions.Count,
            s.Partitions.Count(p => p.Value == PartitionStatus.Done),
            s.Partitions.Count(p => p.Value == PartitionStatus.Parked),
            leases.Leased,
            s.LastCompletedStart,
            next,
            s.HighWaterMark,
            schedule
        );
    }

    /// <summary>
    /// Closes runs recorded by an activation that lost its state write (e.g. a duplicate activation while the cluster
    /// formed), so the run history does not show them running forever. Bookkeeping only: a database that cannot take
    /// it now never stops the harvest; the next activation or run closes them.
    /// </summary>
    private async Task CloseAbandonedRunsAsync(long currentRunId)
    {
        try
        {
            await bookkeeping.CloseAbandonedRunsAsync(currentRunId, CancellationToken.None);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            LogBookkeepingFailed(logger, e);
        }
    }

    /// <summary>
    /// Publishes a run event and hands it to the webhook subscribers' outboxes; a stream or outbox that cannot take it
    /// never fails the run.
    /// </summary>
    private async Task PublishAsync(HarvestEvent harvestEvent)
    {
        await this.GetStreamProvider(HarvestEvents.Provider).TryPublishAsync(harvestEvent, logger);
        await webhooks.RelayAsync(GrainFactory, harvestEvent);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not close abandoned runs in the bookkeeping")]
    private static partial void LogBookkeepingFailed(ILogger logger, Exception exception);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Harvest run {RunId} ({Mode}) started with {Partitions} partitions"
    )]
    private static partial void LogStarted(ILogger logger, long runId, HarvestMode mode, int partitions);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Incremental schedule set: every {Interval} (zero: off), look-back {LookBack}"
    )]
    private static partial void LogScheduleChanged(ILogger logger, TimeSpan interval, TimeSpan lookBack);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Harvest run {RunId} checked: refresh recent posts {Refresh}, read topics {Topics}, read collections {Collections}, sweep all posts {Sweep} (with comments {SweepComments})"
    )]
    private static partial void LogChecked(
        ILogger logger,
        long runId,
        bool refresh,
        bool topics,
        bool collections,
        bool sweep,
        bool sweepComments
    );

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Harvest run {RunId}: partition {Partition} parked (park {Parks}), retried by itself at {RetryAt} (none: retries spent): {Reason}"
    )]
    private static partial void LogParked(
        ILogger logger,
        long runId,
        string partition,
        int parks,
        DateTimeOffset? retryAt,
        string? reason
    );

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Harvest run {RunId}: parked partition {Partition} retried (retry {Retries}) after: {Reason}"
    )]
    private static partial void LogRetried(ILogger logger, long runId, string partition, int retries, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Harvest run {RunId} is now {Phase}")]
    private static partial void LogPhase(ILogger logger, long runId, HarvestPhase phase);
}
