namespace PHDB.Webhooks;

/// <summary>The event types a webhook subscriber may ask for (<c>Events:Webhooks:N:Events</c>).</summary>
public static class WebhookEventTypes
{
    /// <summary>A run ended with every partition done.</summary>
    public const string HarvestCompleted = nameof(HarvestCompleted);

    /// <summary>A run ended with partitions parked, or was cancelled.</summary>
    public const string HarvestFailed = nameof(HarvestFailed);

    /// <summary>A crawl partition of a run ended, done or parked.</summary>
    public const string PartitionCompleted = nameof(PartitionCompleted);

    /// <summary>Stands for every type in a subscriber's list.</summary>
    public const string All = "*";

    /// <summary>Every type, in the order the documentation lists them.</summary>
    public static readonly IReadOnlyList<string> Known = [HarvestCompleted, HarvestFailed, PartitionCompleted];

    /// <summary>Whether <paramref name="type"/> names a known type (case-sensitive, as in the envelope) or is <see cref="All"/>.</summary>
    public static bool IsKnown(string type) => type == All || Known.Contains(type, StringComparer.Ordinal);
}
