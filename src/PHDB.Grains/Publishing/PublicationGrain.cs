using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PHDB.Grains.Harvest;
using PHDB.Publishing;

namespace PHDB.Grains.Publishing;

/// <summary>
/// The cluster's publisher; see <see cref="IPublicationGrain"/>. A publication runs outside the grain's turns (it
/// can take hours) with a token that ends when the silo stops; a timer that keeps the grain active collects its
/// end. While one runs, a one-minute reminder brings the grain back on another silo if this one is lost, and that
/// activation resumes it through <see cref="PublicationRunner.ResumeAsync"/>.
/// </summary>
public sealed partial class PublicationGrain(
    [PersistentState("publisher", PhdbCluster.StateStorage)] IPersistentState<PublicationGrainState> state,
    IServiceProvider services,
    IOptions<PublishingOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<PublicationGrain> logger
) : Grain, IPublicationGrain, IRemindable
{
    private const string ScheduleReminder = "publication-schedule";
    private const string WatchReminder = "publication-watch";
    private static readonly TimeSpan WatchPeriod = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CollectPeriod = TimeSpan.FromSeconds(1);

    private readonly ProgressSink progress = new();
    private Task<PublicationRecord?>? work;
    private CancellationTokenSource? stop;
    private IGrainTimer? collector;

    private PublicationSchedule Schedule => new(options.Value.Interval);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await EnsureScheduleAsync();
        if (state.State.Running)
        {
            LogResuming(logger, state.State.Origin ?? "?");
            StartWork(Resume);
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        stop?.Cancel();
        stop?.Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PublicationStatus> GetStatus() => Task.FromResult(Status());

    /// <inheritdoc />
    public async Task<PublicationStatus> PublishNow(bool dryRun, string origin)
    {
        if (work is null)
        {
            await StartAsync(new PublishRequest(DryRun: dryRun, Origin: origin));
        }

        return Status();
    }

    /// <inheritdoc />
    public async Task HarvestSucceeded(long runId, HarvestMode mode)
    {
        var now = timeProvider.GetUtcNow();
        var schedule = Schedule;
        var due = state.State.Due || schedule.IsDue(state.State.NextDue, now);
        if (!schedule.PublishesAfterRun(mode == HarvestMode.Incremental, due))
        {
            return;
        }

        if (work is not null)
        {
            // A publication runs already; the release stays due for the next run.
            state.State.Due = true;
            await state.WriteStateAsync();
            return;
        }

        LogScheduled(logger, runId);
        state.State.Due = false;
        state.State.NextDue = schedule.NextAfter(now);
        await StartAsync(new PublishRequest(Origin: "schedule"));
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ScheduleReminder && Schedule.IsDue(state.State.NextDue, timeProvider.GetUtcNow()))
        {
            if (!state.State.Due)
            {
                state.State.Due = true;
                await state.WriteStateAsync();
            }
        }
        else if (reminderName == WatchReminder && !state.State.Running)
        {
            await StopWatchingAsync();
        }

        // A watch tick on a fresh activation has resumed the publication in OnActivateAsync already.
    }

    private async Task StartAsync(PublishRequest request)
    {
        state.State.Running = true;
        state.State.DryRun = request.DryRun;
        state.State.Origin = request.Origin;
        state.State.StartedAt = timeProvider.GetUtcNow();
        state.State.LastError = null;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(WatchReminder, WatchPeriod, WatchPeriod);
        LogStarting(logger, request.Origin, request.DryRun);
        StartWork(
            async (runner, _, token) =>
                await runner.PublishAsync(request with { ResumableByCluster = true }, progress, token)
        );
    }

    private async Task<PublicationRecord?> Resume(
        PublicationRunner runner,
        PublicationHistory history,
        CancellationToken cancellationToken
    )
    {
        PublicationRecord? last = null;
        foreach (var record in await history.ListRunningAsync(cancellationToken))
        {
            // A command line's publication is its own: the next publication settles it if its process died.
            if (record.Origin != "cli")
            {
                last = await runner.ResumeAsync(record.Id, progress, cancellationToken);
            }
        }

        return last;
    }

    private void StartWork(Func<PublicationRunner, PublicationHistory, CancellationToken, Task<PublicationRecord?>> run)
    {
        var runner = services.GetRequiredService<PublicationRunner>();
        var history = services.GetRequiredService<PublicationHistory>();
        stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        var token = stop.Token;
        progress.Reset();
        work = Task.Run(() => run(runner, history, token), CancellationToken.None);
        collector = this.RegisterGrainTimer(
            _ => CollectAsync(),
            new GrainTimerCreationOptions(CollectPeriod, CollectPeriod) { KeepAlive = true }
        );
    }

    /// <summary>Runs in the grain's context: records how the publication ended once it has.</summary>
    private async Task CollectAsync()
    {
        if (work is not { IsCompleted: true } ended)
        {
            return;
        }

        work = null;
        stop?.Dispose();
        stop = null;
        if (ended.IsCanceled || (ended.IsFaulted && lifetime.ApplicationStopping.IsCancellationRequested))
        {
            // The silo is going away: leave the state running so the next activation resumes it.
            StopCollecting();
            return;
        }

        string? error = null;
        if (ended.IsFaulted)
        {
            error = ended.Exception.GetBaseException().Message;
        }
        else if (ended.Result is { } record)
        {
            error = record.Outcome == PublicationOutcome.Failed ? record.Error : null;
            LogEnded(logger, record.Id, record.Outcome, record.Version);
        }

        if (error is not null)
        {
            LogFailed(logger, error);
        }

        state.State.Running = false;
        state.State.LastError = error;
        // Not the timer's token: the end must be recorded, or the next activation would resume a finished publication.
        await state.WriteStateAsync(CancellationToken.None);
        await StopWatchingAsync();
        StopCollecting();
    }

    private void StopCollecting()
    {
        collector?.Dispose();
        collector = null;
    }

    private async Task StopWatchingAsync()
    {
        if (await this.GetReminder(WatchReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task EnsureScheduleAsync()
    {
        var schedule = Schedule;
        if (schedule.Enabled)
        {
            var period =
                schedule.Interval < PublicationSchedule.MinimumInterval
                    ? PublicationSchedule.MinimumInterval
                    : schedule.Interval;
            if (state.State.NextDue is null)
            {
                state.State.NextDue = schedule.FirstDue(timeProvider.GetUtcNow());
                await state.WriteStateAsync();
            }

            await this.RegisterOrUpdateReminder(ScheduleReminder, period, period);
        }
        else if (await this.GetReminder(ScheduleReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private PublicationStatus Status()
    {
        var s = state.State;
        var now = progress.Current;
        return new PublicationStatus(
            s.Running,
            s.DryRun,
            s.Origin,
            s.StartedAt,
            s.Running ? now?.Stage.ToString().ToLowerInvariant() : null,
            s.Running ? now?.Detail : null,
            s.Running ? now?.Done ?? 0 : 0,
            s.Running ? now?.Total ?? 0 : 0,
            Schedule.Interval,
            Schedule.Enabled ? s.NextDue : null,
            Schedule.Enabled && (s.Due || Schedule.IsDue(s.NextDue, timeProvider.GetUtcNow())),
            s.LastError,
            s.Running ? RuntimeIdentity : null
        );
    }

    /// <summary>Holds the latest progress a publication reported (from any thread).</summary>
    private sealed class ProgressSink : IProgress<PublicationProgress>
    {
        private PublicationProgress? current;

        public PublicationProgress? Current => Volatile.Read(ref current);

        public void Report(PublicationProgress value) => Volatile.Write(ref current, value);

        public void Reset() => Volatile.Write(ref current, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication started by {Origin} (dry run: {DryRun})")]
    private static partial void LogStarting(ILogger logger, string origin, bool dryRun);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Scheduled release due: publishing after harvest run {RunId}"
    )]
    private static partial void LogScheduled(ILogger logger, long runId);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Resuming the publication started by {Origin} on a lost activation"
    )]
    private static partial void LogResuming(ILogger logger, string origin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publication {Id} ended: {Outcome}, version {Version}")]
    private static partial void LogEnded(ILogger logger, long id, PublicationOutcome outcome, int? version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publication failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
