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

    [Fact]
    public async Task Slots_handed_out_before_a_cluster_restart_still_count_after_it()
    {
        var database = await postgres.CreateMigratedDatabaseAsync(
            "budget_slots",
            TestContext.Current.CancellationToken
        );
        var window = TimeSpan.FromSeconds(60);
        RequestSlot first;
        await using (var cluster = await PhdbTestCluster.StartAsync(database, silos: 1))
        {
            // 600 points a minute at 100 a request: 6 requests a window. The first answer opens the window; the
            // other 5 slots of the window are handed out, and the cluster stops before any of them is used.
            var budget = cluster.Client.GetGrain<IRateBudgetGrain>("token-fingerprint");
            first = await budget.Acquire();
            await budget.Report(first.Id, new BudgetObservation(600, 600, window, DateTimeOffset.UtcNow));
            for (var i = 0; i < 5; i++)
            {
                await budget.Acquire();
            }

            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
        }

        await using var second = await PhdbTestCluster.StartAsync(database, silos: 1);
        var next = await second.Client.GetGrain<IRateBudgetGrain>("token-fingerprint").Acquire();

        // A seventh request within the window that the first opened would be one too many for the API.
        Assert.True(
            next.NotBefore >= first.NotBefore + window,
            $"the first slot after the restart opens {(next.NotBefore - first.NotBefore).TotalSeconds:F1} s after the "
                + "window's first request, within the window"
        );
    }
}
