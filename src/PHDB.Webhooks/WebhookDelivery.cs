namespace PHDB.Webhooks;

/// <summary>One event as a subscriber receives it.</summary>
/// <param name="Key">The event's idempotency key: the same on every attempt and every re-send of the same event.</param>
/// <param name="Type">The event type (<see cref="WebhookEventTypes"/>).</param>
/// <param name="Sequence">Its place in this subscriber's queue: strictly increasing in delivery order.</param>
/// <param name="At">When it happened.</param>
/// <param name="Data">The event's fields, a JSON object.</param>
public sealed record WebhookDelivery(string Key, string Type, long Sequence, DateTimeOffset At, string Data);
