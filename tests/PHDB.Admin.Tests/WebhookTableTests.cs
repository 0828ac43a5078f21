using Bunit;
using PHDB.Admin.Components.Data;
using PHDB.Grains.Webhooks;

namespace PHDB.Admin.Tests;

/// <summary>The Webhooks page's table over the subscribers' delivery state.</summary>
public sealed class WebhookTableTests : MudComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_subscriber_is_listed_with_its_queue_counts_and_failure()
    {
        var table = Render<WebhookTable>(p =>
            p.Add(
                x => x.Subscribers,
                [
                    new WebhookSubscriberStatus(
                        "team-chat",
                        "https://hooks.example.test/phdb",
                        ["HarvestCompleted", "HarvestFailed"],
                        0,
                        1_204,
                        0,
                        0,
                        At,
                        null,
                        null
                    ),
                    new WebhookSubscriberStatus(
                        "warehouse",
                        "http://10.0.0.7:8080/events",
                        ["*"],
                        37,
                        5,
                        12,
                        9,
                        At.AddHours(-1),
                        "HTTP 500 <b>Internal</b>",
                        At.AddMinutes(1)
                    ),
                ]
            )
        );

        var rows = table.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            [
                "team-chat",
                "https://hooks.example.test/phdb",
                "HarvestCompleted, HarvestFailed",
                "idle",
                "0",
                "1,204",
                "0",
                "0",
                "2026-12-01 12:00:00",
                "–",
                "–",
            ],
            rows[0].Children.Select(c => c.TextContent.Trim())
        );
        var failing = table.Find("tr[data-subscriber='warehouse']");
        Assert.Equal("Failing", failing.GetAttribute("data-state"));
        Assert.Equal(
            "failing, retried with backoff",
            failing.QuerySelector("[data-testid=webhook-state]")!.TextContent
        );
        Assert.Equal("37", failing.QuerySelector("[data-testid=webhook-queued]")!.TextContent);
        Assert.Equal("12", failing.QuerySelector("[data-testid=webhook-dropped]")!.TextContent);
        // A subscriber's answer is shown as text, never markup.
        Assert.Equal("HTTP 500 <b>Internal</b>", failing.QuerySelector("[data-testid=webhook-error]")!.TextContent);
        Assert.Empty(failing.QuerySelectorAll("[data-testid=webhook-error] b"));
        Assert.All(table.FindAll("th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }
}
