namespace PHDB.Grains.Webhooks;

/// <summary>A harvest event bound for webhook subscribers.</summary>
/// <param name="Key">
/// Its idempotency key, made from what it reports (e.g. <c>run/12/partition/posts:2026-03/done</c>), so the same event
/// sent again after a failure carries the same key.
/// </param>
/// <param name="Type">The event type (<c>HarvestCompleted</c>, <c>HarvestFailed</c>, <c>PartitionCompleted</c>).</param>
/// <param name="At">When it happened.</param>
/// <param name="Data">Its fields as a JSON object.</param>
[GenerateSerializer, Immutable, Alias("phdb.WebhookEvent")]
public sealed record WebhookEvent(
    [property: Id(0)] string Key,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Data
);
