using System.Diagnostics.Metrics;

namespace PHDB.Webhooks;

/// <summary>The webhooks' meter: attempts, deliveries and events dropped from full queues, by subscriber.</summary>
public sealed class WebhookTelemetry
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "PHDB.Webhooks";

    private readonly Counter<long> attempts;
    private readonly Counter<long> delivered;
    private readonly Counter<long> dropped;

    /// <summary>Creates the instruments on <paramref name="meterFactory"/>'s meter, or on a meter of its own without one.</summary>
    public WebhookTelemetry(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        attempts = meter.CreateCounter<long>("phdb.webhooks.attempts", "{request}", "Delivery requests sent");
        delivered = meter.CreateCounter<long>("phdb.webhooks.delivered", "{event}", "Events a subscriber accepted");
        dropped = meter.CreateCounter<long>(
            "phdb.webhooks.dropped",
            "{event}",
            "Events dropped, oldest first, from a full queue"
        );
    }

    /// <summary>Counts <paramref name="count"/> requests sent to <paramref name="subscriber"/>, by outcome.</summary>
    public void Attempted(string subscriber, int count, bool succeeded) =>
        attempts.Add(
            count,
            new KeyValuePair<string, object?>("subscriber", subscriber),
            new KeyValuePair<string, object?>("outcome", succeeded ? "delivered" : "failed")
        );

    /// <summary>Counts an event <paramref name="subscriber"/> accepted.</summary>
    public void Delivered(string subscriber) =>
        delivered.Add(1, new KeyValuePair<string, object?>("subscriber", subscriber));

    /// <summary>Counts <paramref name="count"/> events dropped from <paramref name="subscriber"/>'s full queue.</summary>
    public void Dropped(string subscriber, int count) =>
        dropped.Add(count, new KeyValuePair<string, object?>("subscriber", subscriber));
}
