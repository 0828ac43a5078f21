namespace PHDB.Grains.Webhooks;

/// <summary>The persistent outbox of one webhook subscriber (no address or secret: those stay in the configuration).</summary>
[GenerateSerializer, Alias("phdb.WebhookSubscriberState")]
public sealed class WebhookSubscriberState
{
    /// <summary>Events not yet accepted, in delivery order.</summary>
    [Id(0)]
    public List<QueuedWebhookEvent> Queue { get; set; } = [];

    /// <summary>The keys last enqueued, oldest first: an event sent again with one of them is ignored.</summary>
    [Id(1)]
    public List<string> RecentKeys { get; set; } = [];

    /// <summary>The sequence number the next event gets.</summary>
    [Id(2)]
    public long NextSequence { get; set; } = 1;

    /// <summary>Events the subscriber accepted.</summary>
    [Id(3)]
    public long Delivered { get; set; }

    /// <summary>Events dropped from the full queue.</summary>
    [Id(4)]
    public long Dropped { get; set; }

    /// <summary>Failed attempts since the last accepted event.</summary>
    [Id(5)]
    public long FailedAttempts { get; set; }

    /// <summary>When the subscriber last accepted an event.</summary>
    [Id(6)]
    public DateTimeOffset? LastDeliveredAt { get; set; }

    /// <summary>The failure holding up the queue, if any.</summary>
    [Id(7)]
    public string? LastError { get; set; }

    /// <summary>When a held-up queue tries again.</summary>
    [Id(8)]
    public DateTimeOffset? NextAttemptAt { get; set; }
}
