using PHDB.Grains.Webhooks;

namespace PHDB.Harvest.Tests.Webhooks;

public sealed class WebhookOutboxTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Events_keep_their_order_and_a_key_sent_again_is_taken_once()
    {
        var state = new WebhookSubscriberState();
        var outbox = new WebhookOutbox(state, capacity: 10);

        Assert.Equal((true, 0), outbox.Add(Event("a")));
        Assert.Equal((true, 0), outbox.Add(Event("b")));
        Assert.Equal((false, 0), outbox.Add(Event("a")));

        Assert.Equal(["a", "b"], state.Queue.Select(q => q.Event.Key));
        Assert.Equal([1L, 2L], state.Queue.Select(q => q.Sequence));
        Assert.True(outbox.Complete(1, At));
        // Delivered and off the queue, the key is still remembered: a late re-send is not delivered twice.
        Assert.Equal((false, 0), outbox.Add(Event("a")));
        Assert.Equal(("b", 1L), (outbox.Head!.Event.Key, state.Delivered));
    }

    [Fact]
    public void A_full_queue_drops_its_oldest_events_and_counts_them()
    {
        var state = new WebhookSubscriberState();
        var outbox = new WebhookOutbox(state, capacity: 3);

        foreach (var key in new[] { "a", "b", "c" })
        {
            outbox.Add(Event(key));
        }

        Assert.Equal((true, 1), outbox.Add(Event("d")));
        Assert.Equal((true, 1), outbox.Add(Event("e")));

        Assert.Equal(["c", "d", "e"], state.Queue.Select(q => q.Event.Key));
        Assert.Equal([3L, 4L, 5L], state.Queue.Select(q => q.Sequence));
        Assert.Equal(2, state.Dropped);
    }

    [Fact]
    public void Only_the_first_in_line_completes_and_success_clears_the_failure()
    {
        var state = new WebhookSubscriberState();
        var outbox = new WebhookOutbox(state, capacity: 2);
        outbox.Add(Event("a"));
        outbox.Failed(3, "HTTP 500 Internal Server Error", At.AddMinutes(1));
        Assert.Equal(
            (3L, "HTTP 500 Internal Server Error", At.AddMinutes(1)),
            (state.FailedAttempts, state.LastError, state.NextAttemptAt)
        );

        // While "a" was in flight, two more pushed it out of the full queue: its success removes nothing else.
        outbox.Add(Event("b"));
        outbox.Add(Event("c"));
        Assert.False(outbox.Complete(1, At));
        Assert.Equal(
            (0L, null, null, 0L),
            (state.FailedAttempts, state.LastError, state.NextAttemptAt, state.Delivered)
        );
        Assert.True(outbox.Complete(2, At));
        Assert.Equal((1L, At), (state.Delivered, state.LastDeliveredAt!.Value));
        Assert.Equal("c", outbox.Head!.Event.Key);
    }

    [Fact]
    public void Only_the_latest_keys_are_remembered()
    {
        var state = new WebhookSubscriberState();
        var outbox = new WebhookOutbox(state, capacity: 1);
        for (var i = 0; i <= WebhookOutbox.RememberedKeys; i++)
        {
            outbox.Add(Event($"k{i}"));
        }

        Assert.Equal(WebhookOutbox.RememberedKeys, state.RecentKeys.Count);
        // k0 was forgotten, k1 is remembered: the state restored in a new activation keeps the same rule.
        var restored = new WebhookOutbox(state, capacity: 1);
        Assert.True(restored.Add(Event("k0")).Added);
        Assert.False(restored.Add(Event("k2")).Added);
    }

    private static WebhookEvent Event(string key) => new(key, "PartitionCompleted", At, "{}");
}
