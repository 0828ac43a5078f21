using System.Globalization;
using System.Text.Json;
using PHDB.Grains.Harvest;
using PHDB.Grains.Harvest.Events;
using PHDB.Webhooks;

namespace PHDB.Grains.Webhooks;

/// <summary>
/// Which harvest events go to webhooks, and as what: the type, a key made from what the event reports (so an event sent
/// again keeps its key), and its fields as JSON.
/// </summary>
public static class WebhookEventMapping
{
    /// <summary>The webhook event for <paramref name="harvestEvent"/>, or null for events not offered to webhooks.</summary>
    public static WebhookEvent? From(HarvestEvent harvestEvent) =>
        harvestEvent switch
        {
            HarvestCompleted e => Event(
                $"run/{Number(e.RunId)}/completed",
                WebhookEventTypes.HarvestCompleted,
                e,
                new
                {
                    runId = e.RunId,
                    mode = e.Mode.ToString(),
                    partitions = e.Partitions,
                }
            ),
            HarvestFailed e => Event(
                $"run/{Number(e.RunId)}/failed",
                WebhookEventTypes.HarvestFailed,
                e,
                new
                {
                    runId = e.RunId,
                    mode = e.Mode.ToString(),
                    reason = e.Reason,
                }
            ),
            PartitionCompleted e => Event(
                $"run/{Number(e.RunId)}/partition/{e.Partition}/{Outcome(e.Status)}",
                WebhookEventTypes.PartitionCompleted,
                e,
                new
                {
                    runId = e.RunId,
                    partition = e.Partition,
                    status = e.Status.ToString(),
                }
            ),
            _ => null,
        };

    private static WebhookEvent Event<T>(string key, string type, HarvestEvent harvestEvent, T data) =>
        new(key, type, harvestEvent.At, JsonSerializer.Serialize(data));

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Outcome(PartitionStatus status) =>
        status == PartitionStatus.Done ? "done"
        : status == PartitionStatus.Parked ? "parked"
        : status.ToString().ToLowerInvariant();
}
