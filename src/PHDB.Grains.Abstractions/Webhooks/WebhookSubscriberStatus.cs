namespace PHDB.Grains.Webhooks;

/// <summary>A webhook subscriber's delivery state.</summary>
/// <param name="Name">The subscriber's name.</param>
/// <param name="Url">Its address without user or query.</param>
/// <param name="Events">The event types it asked for.</param>
/// <param name="Queued">Events waiting, the oldest first in line.</param>
/// <param name="Delivered">Events it accepted.</param>
/// <param name="Dropped">Events dropped, oldest first, because its queue was full.</param>
/// <param name="FailedAttempts">Failed attempts since its last accepted event.</param>
/// <param name="LastDeliveredAt">When it last accepted an event.</param>
/// <param name="LastError">The last failure, while the queue is held up by it.</param>
/// <param name="NextAttemptAt">When a held-up queue tries again.</param>
[GenerateSerializer, Immutable, Alias("phdb.WebhookSubscriberStatus")]
public sealed record WebhookSubscriberStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> Events,
    [property: Id(3)] int Queued,
    [property: Id(4)] long Delivered,
    [property: Id(5)] long Dropped,
    [property: Id(6)] long FailedAttempts,
    [property: Id(7)] DateTimeOffset? LastDeliveredAt,
    [property: Id(8)] string? LastError,
    [property: Id(9)] DateTimeOffset? NextAttemptAt
)
{
    /// <summary><c>Delivering</c>, <c>Idle</c> (nothing queued) or <c>Failing</c> (the first in line keeps failing).</summary>
    public string State =>
        LastError is not null ? "Failing"
        : Queued > 0 ? "Delivering"
        : "Idle";
}
