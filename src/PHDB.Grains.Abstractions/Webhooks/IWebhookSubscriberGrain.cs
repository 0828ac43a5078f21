namespace PHDB.Grains.Webhooks;

/// <summary>
/// One webhook subscriber's outbox, keyed by its name: events are persisted when enqueued and delivered in order, at
/// least once, in the background; a full queue drops its oldest event.
/// </summary>
[Alias("phdb.IWebhookSubscriberGrain")]
public interface IWebhookSubscriberGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds <paramref name="webhookEvent"/> to the queue and persists it before returning; an event whose key is among
    /// the last ones enqueued is ignored. Never waits for a delivery.
    /// </summary>
    [Alias("Enqueue")]
    Task Enqueue(WebhookEvent webhookEvent);

    /// <summary>The subscriber's delivery state.</summary>
    [Alias("GetStatus")]
    Task<WebhookSubscriberStatus> GetStatus();
}
