using PHDB.Grains.RateBudgets;
using PHDB.IntegrationTests.Orleans;
using PHDB.Testing;

namespace PHDB.IntegrationTests.RateBudgets;

public sealed class RateBudgetGrainTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_budget_a_response_reported_survives_a_cluster_restart()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("budget", TestContext.Current.CancellationToken);
        var observedAt = DateTimeOffset.UtcNow;
        await using (var first = await PhdbTestCluster.StartAsync(database, silos: 1))
        {
            var budget = first.Client.GetGrain<IRateBudgetGrain>("token-fingerprint");
            var slot = await budget.Acquire();
            await budget.Report(slot.Id, new BudgetObservation(6_250, 6_250, TimeSpan.FromMinutes(15), observedAt));
            await first.StopAllSilosAsync(TestContext.Current.CancellationToken);
        }

        await using var second = await PhdbTestCluster.StartAsync(database, silos: 1);
        var status = await second.Client.GetGrain<IRateBudgetGrain>("token-fingerprint").GetStatus();

        Assert.Equal(6_150, status.Remaining);
        Assert.Equal(1, status.RequestsThisWindow);
        Assert.Equal(observedAt + TimeSpan.FromMinutes(15), status.WindowEndsAt);
    }
}
