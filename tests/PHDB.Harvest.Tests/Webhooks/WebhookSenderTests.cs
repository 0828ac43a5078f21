using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PHDB.Webhooks;

namespace PHDB.Harvest.Tests.Webhooks;

public sealed class WebhookSenderTests
{
    private static readonly WebhookDelivery Delivery = new(
        "run/7/partition/posts:2026-03/done",
        WebhookEventTypes.PartitionCompleted,
        12,
        new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        """{"runId":7,"partition":"posts:2026-03","status":"Done"}"""
    );

    [Fact]
    public async Task A_failing_subscriber_is_retried_with_the_same_signed_body_and_key_until_it_accepts()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(cancellation);
        var answers = new Queue<int>([500, 503, 200]);
        receiver.Answer = () => answers.Dequeue();
        using var http = new HttpClient();

        var result = await Sender(http, retries: 5).SendAsync(Subscriber(receiver), Delivery, cancellation);

        Assert.Equal(new WebhookSendResult(true, 3, null), result);
        Assert.Equal([1, 2, 3], receiver.Attempts.Select(a => a.Attempt));
        Assert.All(
            receiver.Attempts,
            a =>
            {
                Assert.True(a.SignatureValid);
                Assert.Equal(
                    (Delivery.Key, Delivery.Key, "PartitionCompleted"),
                    (a.IdempotencyKey, a.Id, a.EventHeader)
                );
                Assert.Equal(12, a.Sequence);
                Assert.Equal(Delivery.Data, a.Data);
            }
        );
    }

    [Fact]
    public async Task A_subscriber_that_keeps_failing_costs_one_plus_the_retries_and_reports_its_answer()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(cancellation);
        receiver.Answer = () => 500;
        using var http = new HttpClient();

        var result = await Sender(http, retries: 2).SendAsync(Subscriber(receiver), Delivery, cancellation);

        Assert.Equal(new WebhookSendResult(false, 3, "HTTP 500 Internal Server Error"), result);
        Assert.Equal(3, receiver.Attempts.Count);
    }

    [Fact]
    public async Task A_subscriber_slower_than_the_attempt_timeout_counts_as_failed_and_is_retried()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(cancellation);
        receiver.Delay = TimeSpan.FromSeconds(2);
        using var http = new HttpClient();

        var result = await Sender(http, retries: 1, attemptTimeout: TimeSpan.FromMilliseconds(300))
            .SendAsync(Subscriber(receiver), Delivery, cancellation);

        Assert.False(result.Delivered);
        Assert.Equal(2, result.Attempts);
        Assert.Equal("no answer within the attempt timeout", result.Error);
    }

    [Fact]
    public async Task An_unreachable_subscriber_is_a_failed_delivery_not_an_exception()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        var subscriber = new WebhookSubscriberOptions
        {
            Name = "gone",
            Url = $"http://127.0.0.1:{PHDB.Testing.LoopbackPort.Next()}/hooks",
            Events = ["*"],
            Secret = WebhookReceiver.Secret,
        };

        var result = await Sender(http, retries: 1).SendAsync(subscriber, Delivery, cancellation);

        Assert.False(result.Delivered);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("refused", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    private static WebhookSubscriberOptions Subscriber(WebhookReceiver receiver) =>
        new()
        {
            Name = "receiver",
            Url = receiver.Url.ToString(),
            Events = ["*"],
            Secret = WebhookReceiver.Secret,
        };

    private static WebhookSender Sender(HttpClient http, int retries, TimeSpan? attemptTimeout = null) =>
        new(
            http,
            Options.Create(
                new WebhookOptions
                {
                    RetryAttempts = retries,
                    RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                    MaxBackoff = TimeSpan.FromMilliseconds(50),
                    AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(5),
                }
            ),
            TimeProvider.System,
            new WebhookTelemetry(null),
            NullLogger<WebhookSender>.Instance
        );
}
