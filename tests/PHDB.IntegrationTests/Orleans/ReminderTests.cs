using PHDB.Testing;

namespace PHDB.IntegrationTests.Orleans;

public sealed class ReminderTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_registered_reminder_fires_and_keeps_firing_after_a_cluster_restart()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("reminders", TestContext.Current.CancellationToken);
        int ticksBeforeRestart;
        await using (var first = await PhdbTestCluster.StartAsync(database, silos: 1))
        {
            var probe = first.Client.GetGrain<IReminderProbeGrain>("restart");
            await probe.Start(TimeSpan.FromSeconds(1));
            await Eventually.HoldsAsync(
                async () => await probe.Ticks() >= 2,
                TimeSpan.FromSeconds(30),
                "the reminder ticked twice"
            );
            ticksBeforeRestart = await probe.Ticks();
            await first.StopAllSilosAsync(TestContext.Current.CancellationToken);
        }

        await using var second = await PhdbTestCluster.StartAsync(database, silos: 1);
        var restarted = second.Client.GetGrain<IReminderProbeGrain>("restart");
        await Eventually.HoldsAsync(
            async () => await restarted.Ticks() > ticksBeforeRestart,
            TimeSpan.FromSeconds(30),
            $"the reminder ticked again after the restart (it had ticked {ticksBeforeRestart} times)"
        );
    }
}
