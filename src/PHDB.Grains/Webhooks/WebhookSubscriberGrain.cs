using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PHDB.Webhooks;

namespace PHDB.Grains.Webhooks;

/// <summary>
/// One subscriber's outbox; see <see cref="IWebhookSubscriberGrain"/>. Deliveries run in an interleaving timer, so an
/// enqueue never waits for the subscriber. While events wait, a one-minute reminder brings the grain back on another
/// silo if this one is lost; the queue is in PostgreSQL, so nothing enqueued is lost with it.
/// </summary>
public sealed partial class WebhookSubscriberGrain(
    [PersistentState("webhook", PhdbCluster.StateStorage)] IPersistentState<WebhookSubscriberState> state,
    IOptions<WebhookOptions> options,
    WebhookSender sender,
    WebhookTelemetry telemetry,
    TimeProvider timeProvider,
    ILogger<WebhookSubscriberGrain> logger
) : Grain, IWebhookSubscriberGrain, IRemindable
{
    private const string DeliveryReminder = "webhook-delivery";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private Task lastWrite = Task.CompletedTask;
    private WebhookOutbox outbox = null!;
    private IGrainTimer? delivery;
    private bool delivering;
    private bool reminderSet;

    private string Name => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        outbox = new WebhookOutbox(state.State, options.Value.QueueCapacity);
        reminderSet = await this.GetReminder(DeliveryReminder, cancellationToken) is not null;
        if (outbox.Count > 0)
        {
            ScheduleDelivery(Until(state.State.NextAttemptAt));
        }
    }

    /// <inheritdoc />
    public async Task Enqueue(WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        if (options.Value.Find(Name) is not { } subscriber || !subscriber.Wants(webhookEvent.Type))
        {
            return;
        }

        var (added, dropped) = outbox.Add(webhookEvent);
        if (!added)
        {
            return;
        }

        if (dropped > 0)
        {
            telemetry.Dropped(Name, dropped);
            LogDropped(logger, Name, dropped, options.Value.QueueCapacity, state.State.Dropped);
        }

        await PersistAsync();
        await EnsureReminderAsync();
        if (!delivering && state.State.NextAttemptAt is null)
        {
            ScheduleDelivery(TimeSpan.Zero);
        }
    }

    /// <inheritdoc />
    public Task<WebhookSubscriberStatus> GetStatus()
    {
        var subscriber = options.Value.Find(Name);
        var s = state.State;
        return Task.FromResult(
            new WebhookSubscriberStatus(
                Name,
                subscriber?.DisplayUrl ?? "(no longer configured)",
                subscriber?.Events.ToArray() ?? [],
                s.Queue.Count,
                s.Delivered,
                s.Dropped,
                s.FailedAttempts,
                s.LastDeliveredAt,
                s.LastError,
                s.NextAttemptAt
            )
        );
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DeliveryReminder)
        {
            return;
        }

        if (outbox.Count == 0)
        {
            await RemoveReminderAsync();
        }
        else if (!delivering)
        {
            ScheduleDelivery(Until(state.State.NextAttemptAt));
        }
    }

    private TimeSpan Until(DateTimeOffset? at) =>
        at is { } due && due > timeProvider.GetUtcNow() ? due - timeProvider.GetUtcNow() : TimeSpan.Zero;

    private void ScheduleDelivery(TimeSpan due)
    {
        if (delivery is null)
        {
            delivery = this.RegisterGrainTimer(
                DeliverAsync,
                new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true }
            );
        }
        else
        {
            delivery.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Delivers the queue in order until it is empty or its first event keeps failing.</summary>
    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        if (delivering)
        {
            return;
        }

        delivering = true;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (outbox.Head is not { } head)
                {
                    // Emptied: the reminder goes, unless an event came in while it was being removed.
                    await RemoveReminderAsync();
                    if (outbox.Count > 0)
                    {
                        await EnsureReminderAsync();
                        continue;
                    }

                    delivery?.Dispose();
                    delivery = null;
                    return;
                }

                if (options.Value.Find(Name) is not { } subscriber)
                {
                    LogNotConfigured(logger, Name, outbox.Count);
                    return;
                }

                var result = await sender.SendAsync(
                    subscriber,
                    new WebhookDelivery(head.Event.Key, head.Event.Type, head.Sequence, head.Event.At, head.Event.Data),
                    cancellationToken
                );
                if (result.Delivered)
                {
                    outbox.Complete(head.Sequence, timeProvider.GetUtcNow());
                    await PersistAsync();
                    continue;
                }

                var wait = options.Value.MaxBackoff;
                outbox.Failed(result.Attempts, result.Error ?? "not delivered", timeProvider.GetUtcNow() + wait);
                await PersistAsync();
                delivery?.Change(wait, Timeout.InfiniteTimeSpan);
                return;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Deactivating: the queue is persisted, the next activation goes on with it.
        }
        catch (Exception e)
        {
            // The queue could not be saved (PostgreSQL unreachable): an event delivered but not yet taken off is sent
            // again with its key, which is what at-least-once allows.
            LogPassFailed(logger, Name, e);
            delivery?.Change(options.Value.MaxBackoff, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            delivering = false;
        }
    }

    /// <summary>
    /// Writes the state after any write still under way: enqueues and deliveries interleave, their writes must not,
    /// or the second would carry a stale ETag.
    /// </summary>
    private Task PersistAsync()
    {
        lastWrite = WriteAfterAsync(lastWrite);
        return lastWrite;
    }

    private async Task WriteAfterAsync(Task previous)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // That write's caller saw its failure; this write carries its changes too.
        }

        await state.WriteStateAsync();
    }

    private async Task EnsureReminderAsync()
    {
        if (!reminderSet)
        {
            await this.RegisterOrUpdateReminder(DeliveryReminder, ReminderPeriod, ReminderPeriod);
            reminderSet = true;
        }
    }

    private async Task RemoveReminderAsync()
    {
        if (reminderSet && await this.GetReminder(DeliveryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        reminderSet = false;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Webhook {Subscriber}: queue full ({Capacity} events), dropped the oldest {Count} ({Total} dropped in all)"
    )]
    private static partial void LogDropped(ILogger logger, string subscriber, int count, int capacity, long total);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Webhook {Subscriber} is no longer configured; its {Count} queued event(s) wait until it is again"
    )]
    private static partial void LogNotConfigured(ILogger logger, string subscriber, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {Subscriber}: delivery pass failed; it tries again")]
    private static partial void LogPassFailed(ILogger logger, string subscriber, Exception exception);
}
