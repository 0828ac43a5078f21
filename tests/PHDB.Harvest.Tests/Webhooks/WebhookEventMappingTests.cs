using PHDB.Grains.Harvest;
using PHDB.Grains.Harvest.Events;
using PHDB.Grains.Webhooks;

namespace PHDB.Harvest.Tests.Webhooks;

public sealed class WebhookEventMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_events_become_webhook_events_keyed_by_what_they_report()
    {
        Assert.Equal(
            new WebhookEvent(
                "run/12/partition/posts:2026-03/done",
                "PartitionCompleted",
                At,
                """{"runId":12,"partition":"posts:2026-03","status":"Done"}"""
            ),
            WebhookEventMapping.From(new PartitionCompleted(At, 12, "posts:2026-03", PartitionStatus.Done))
        );
        Assert.Equal(
            "run/12/partition/posts:2026-03/parked",
            WebhookEventMapping.From(new PartitionCompleted(At, 12, "posts:2026-03", PartitionStatus.Parked))!.Key
        );
        Assert.Equal(
            new WebhookEvent(
                "run/12/completed",
                "HarvestCompleted",
                At,
                """{"runId":12,"mode":"Full","partitions":162}"""
            ),
            WebhookEventMapping.From(new HarvestCompleted(At, 12, HarvestMode.Full, 162))
        );
        Assert.Equal(
            new WebhookEvent(
                "run/13/failed",
                "HarvestFailed",
                At,
                """{"runId":13,"mode":"Incremental","reason":"cancelled by an operator"}"""
            ),
            WebhookEventMapping.From(new HarvestFailed(At, 13, HarvestMode.Incremental, "cancelled by an operator"))
        );
    }

    [Fact]
    public void The_same_fact_reported_again_later_keeps_its_key()
    {
        var first = WebhookEventMapping.From(new HarvestCompleted(At, 12, HarvestMode.Full, 162))!;
        var again = WebhookEventMapping.From(new HarvestCompleted(At.AddMinutes(3), 12, HarvestMode.Full, 162))!;

        Assert.Equal(first.Key, again.Key);
    }

    [Fact]
    public void Frequent_events_are_not_offered_to_webhooks()
    {
        Assert.Null(WebhookEventMapping.From(new PostsSynced(At, 3, 20, 4, 300, "app")));
        Assert.Null(WebhookEventMapping.From(new PartitionsChanged(At, 12, [])));
        Assert.Null(WebhookEventMapping.From(new RateLimitHit(At, "app", TimeSpan.FromMinutes(3))));
    }
}
