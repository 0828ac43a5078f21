namespace PHDB.Grains.Webhooks;

/// <summary>
/// The rules of a subscriber's queue over its <see cref="WebhookSubscriberState"/>: events keep the order they came
/// in; a key among the last <see cref="RememberedKeys"/> is taken once; beyond <c>capacity</c> the oldest event is
/// dropped and counted; only the first in line can be completed.
/// </summary>
public sealed class WebhookOutbox
{
    /// <summary>How many of the latest keys are remembered to ignore an event sent again.</summary>
    public const int RememberedKeys = 4_096;

    private readonly WebhookSubscriberState state;
    private readonly int capacity;
    private readonly HashSet<string> recent;

    /// <summary>Works on <paramref name="state"/>, holding at most <paramref name="capacity"/> events.</summary>
    public WebhookOutbox(WebhookSubscriberState state, int capacity)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.state = state;
        this.capacity = capacity;
        recent = new HashSet<string>(state.RecentKeys, StringComparer.Ordinal);
    }

    /// <summary>The first event in line, if any.</summary>
    public QueuedWebhookEvent? Head => state.Queue.Count > 0 ? state.Queue[0] : null;

    /// <summary>Events waiting.</summary>
    public int Count => state.Queue.Count;

    /// <summary>
    /// Appends <paramref name="webhookEvent"/> unless its key was taken lately.
    /// </summary>
    /// <returns>Whether it was taken, and how many old events it pushed out of a full queue.</returns>
    public (bool Added, int Dropped) Add(WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        if (!recent.Add(webhookEvent.Key))
        {
            return (false, 0);
        }

        state.RecentKeys.Add(webhookEvent.Key);
        if (state.RecentKeys.Count > RememberedKeys)
        {
            recent.Remove(state.RecentKeys[0]);
            state.RecentKeys.RemoveAt(0);
        }

        state.Queue.Add(new QueuedWebhookEvent(state.NextSequence++, webhookEvent));
        var dropped = Math.Max(0, state.Queue.Count - capacity);
        if (dropped > 0)
        {
            state.Queue.RemoveRange(0, dropped);
            state.Dropped += dropped;
        }

        return (true, dropped);
    }

    /// <summary>
    /// Records that the event numbered <paramref name="sequence"/> was accepted at <paramref name="at"/> and takes it
    /// off the queue; false when it is no longer first in line (dropped meanwhile).
    /// </summary>
    public bool Complete(long sequence, DateTimeOffset at)
    {
        state.FailedAttempts = 0;
        state.LastError = null;
        state.NextAttemptAt = null;
        if (Head?.Sequence != sequence)
        {
            return false;
        }

        state.Queue.RemoveAt(0);
        state.Delivered++;
        state.LastDeliveredAt = at;
        return true;
    }

    /// <summary>Records <paramref name="attempts"/> failed attempts ending in <paramref name="error"/>; the queue waits until <paramref name="retryAt"/>.</summary>
    public void Failed(int attempts, string error, DateTimeOffset retryAt)
    {
        state.FailedAttempts += attempts;
        state.LastError = error;
        state.NextAttemptAt = retryAt;
    }
}
