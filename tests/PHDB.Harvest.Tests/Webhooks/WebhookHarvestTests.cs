using Orleans.TestingHost;
using PHDB.Grains.Harvest;
using PHDB.Grains.Webhooks;
using PHDB.Harvest.Tests.Engine;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Webhooks;

public sealed class WebhookHarvestTests(PostgresServer postgres)
{
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A subscriber answers 500 for a minute (and until the run is over), and the silo holding its outbox is killed
    /// meanwhile: the harvest completes without waiting for it, and once it answers again it receives every
    /// <c>PartitionCompleted</c> of the run and its <c>HarvestCompleted</c>, signed, in order, each idempotency key
    /// accepted exactly once.
    /// </summary>
    [Fact]
    public async Task A_subscriber_down_for_a_minute_and_a_killed_silo_still_get_every_event_of_the_run_once_in_order()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var receiver = await WebhookReceiver.StartAsync(cancellation);
        DateTimeOffset? firstAttempt = null;
        var runOver = false;
        receiver.Answer = () =>
        {
            firstAttempt ??= DateTimeOffset.UtcNow;
            return DateTimeOffset.UtcNow - firstAttempt < Outage || !Volatile.Read(ref runOver) ? 500 : 200;
        };
        await using var simulator = await HarvestCluster.StartWorldAsync(300, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("webhook_harvest", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(
            database,
            simulator,
            silos: 2,
            settings: new Dictionary<string, string?>
            {
                ["Events:Webhooks:0:Name"] = "receiver",
                ["Events:Webhooks:0:Url"] = receiver.Url.ToString(),
                ["Events:Webhooks:0:Events:0"] = "HarvestCompleted",
                ["Events:Webhooks:0:Events:1"] = "PartitionCompleted",
                ["Events:Webhooks:0:Secret"] = WebhookReceiver.Secret,
                ["Events:RetryAttempts"] = "2",
                ["Events:RetryBaseDelay"] = "00:00:00.100",
                ["Events:MaxBackoff"] = "00:00:01",
                ["Events:AttemptTimeout"] = "00:00:02",
            }
        );
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);
        var subscriber = cluster.Client.GetGrain<IWebhookSubscriberGrain>("receiver");

        var run = await coordinator.StartFull();
        await Eventually.HoldsAsync(
            async () => (await subscriber.GetStatus()).Queued >= 3,
            TimeSpan.FromMinutes(1),
            "events waited in the outbox of the failing subscriber"
        );
        var victim = await HostOf(cluster, subscriber);
        await cluster.KillSiloAsync(victim, cancellation);

        await HarvestProbe.CompletesAsync(
            coordinator,
            TimeSpan.FromMinutes(4),
            "full harvest with a failing subscriber"
        );
        var completedAt = DateTimeOffset.UtcNow;
        // The run ended while the subscriber's events still waited: it never waited for them.
        var waiting = (await subscriber.GetStatus()).Queued;
        Volatile.Write(ref runOver, true);
        Assert.True(waiting > 0, "events still waited for the subscriber when the run completed");
        var partitions = await coordinator.GetPartitions();
        Assert.All(partitions, p => Assert.Equal(PartitionStatus.Done, p.Status));
        var expected = partitions
            .Select(p => $"run/{run.RunId}/partition/{p.Key}/done")
            .Append($"run/{run.RunId}/completed")
            .ToHashSet(StringComparer.Ordinal);

        await Eventually.HoldsAsync(
            () => Task.FromResult(expected.IsSubsetOf(receiver.Accepted.Select(a => a.Id))),
            TimeSpan.FromMinutes(3),
            $"the subscriber caught up with all {expected.Count} events"
        );
        var status = await subscriber.GetStatus();
        Assert.Equal((0, 0L, null), (status.Queued, status.Dropped, status.LastError));

        var attempts = receiver.Attempts;
        var accepted = receiver.Accepted;
        Assert.All(attempts, a => Assert.True(a.SignatureValid, $"attempt of {a.Id} is signed"));
        Assert.All(attempts, a => Assert.Equal(a.Id, a.IdempotencyKey));
        // Exactly the run's events, each key accepted once; at-least-once may repeat a key only with its sequence.
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            accepted.Select(a => a.Id).Distinct().Order(StringComparer.Ordinal)
        );
        Assert.All(accepted.GroupBy(a => a.Id), g => Assert.Single(g.Select(a => a.Sequence).Distinct()));
        var firstSeen = accepted.DistinctBy(a => a.Id).Select(a => a.Sequence).ToList();
        Assert.Equal(firstSeen.Order(), firstSeen);
        Assert.Equal($"run/{run.RunId}/completed", accepted.DistinctBy(a => a.Id).Last().Id);
        Assert.True(
            attempts.Count(a => a.Status == 500) > expected.Count / 10,
            $"the subscriber was retried through its outage ({attempts.Count(a => a.Status == 500)} failed attempts)"
        );
        TestContext.Current.SendDiagnosticMessage(
            $"{expected.Count} events; {attempts.Count} attempts ({attempts.Count(a => a.Status == 500)} answered 500); "
                + $"{accepted.Count} accepted ({accepted.Count - expected.Count} repeats); "
                + $"caught up {(DateTimeOffset.UtcNow - completedAt).TotalSeconds:F1} s after the run ended"
        );
    }

    private static async Task<SiloHandle> HostOf(TestCluster cluster, IWebhookSubscriberGrain grain)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var address = await management.GetActivationAddress(grain);
        Assert.NotNull(address);
        return cluster.Silos.Single(s => s.SiloAddress.Equals(address));
    }
}
