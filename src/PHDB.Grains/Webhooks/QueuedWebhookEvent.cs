namespace PHDB.Grains.Webhooks;

/// <summary>An event in a subscriber's queue with its place in the subscriber's delivery order.</summary>
/// <param name="Sequence">Strictly increasing per subscriber.</param>
/// <param name="Event">The event.</param>
[GenerateSerializer, Immutable, Alias("phdb.QueuedWebhookEvent")]
public sealed record QueuedWebhookEvent([property: Id(0)] long Sequence, [property: Id(1)] WebhookEvent Event);
