using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PHDB.Grains.Harvest.Events;
using PHDB.Webhooks;

namespace PHDB.Grains.Webhooks;

/// <summary>
/// Hands the harvest events webhooks carry (<see cref="WebhookEventMapping"/>) to the outbox of every subscriber that
/// wants them, one after another, so each subscriber's queue keeps the order the events happened in.
/// </summary>
public sealed partial class WebhookRelay(IOptions<WebhookOptions> options, ILogger<WebhookRelay> logger)
{
    /// <summary>Enqueues <paramref name="harvestEvent"/> for its subscribers; an outbox that cannot take it is logged, never thrown.</summary>
    public async Task RelayAsync(IGrainFactory grains, HarvestEvent harvestEvent)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (options.Value.Webhooks.Count == 0 || WebhookEventMapping.From(harvestEvent) is not { } webhookEvent)
        {
            return;
        }

        foreach (var subscriber in options.Value.Webhooks.Where(w => w.Wants(webhookEvent.Type)))
        {
            try
            {
                await grains.GetGrain<IWebhookSubscriberGrain>(subscriber.Name!).Enqueue(webhookEvent);
            }
            catch (Exception e)
            {
                LogEnqueueFailed(logger, subscriber.Name ?? "", webhookEvent.Type, webhookEvent.Key, e);
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Webhook {Subscriber}: could not enqueue {Type} {Key}; it will not be delivered"
    )]
    private static partial void LogEnqueueFailed(
        ILogger logger,
        string subscriber,
        string type,
        string key,
        Exception exception
    );
}
