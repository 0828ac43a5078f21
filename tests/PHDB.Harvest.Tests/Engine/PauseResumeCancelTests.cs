using Npgsql;
using PHDB.Grains.Harvest;
using PHDB.Simulator.Hosting;
using PHDB.Storage;
using PHDB.Testing;
using PHDB.Testing.Harvest;
using PHDB.Testing.Truth;

namespace PHDB.Harvest.Tests.Engine;

public sealed class PauseResumeCancelTests(PostgresServer postgres)
{
    /// <summary>How long "nothing happens" is watched for: several idle polls of every worker (50 ms each).</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Pause_stops_the_requests_resume_finishes_the_run_and_cancel_ends_it_for_good()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var simulator = await HarvestCluster.StartWorldAsync(300, cancellation);
        var database = await postgres.CreateMigratedDatabaseAsync("pause_resume_cancel", cancellation);
        await using var cluster = await HarvestCluster.StartAsync(database, simulator);
        var coordinator = cluster.Client.GetGrain<IHarvestCoordinatorGrain>(IHarvestCoordinatorGrain.Key);

        // Pause in the middle: leased pages finish, then no request goes out while paused.
        var started = await coordinator.StartFull();
        await Eventually.HoldsAsync(
            () => Task.FromResult(HarvestProbe.Requests(simulator) >= 20),
            TimeSpan.FromSeconds(30),
            "the full harvest sent its first requests"
        );
        var paused = await coordinator.PauseRun();
        Assert.Equal(HarvestPhase.Paused, paused.Phase);
        Assert.True(paused.Done < paused.Partitions, "the run was paused before it completed");
        await Eventually.HoldsAsync(
            async () => (await coordinator.GetStatus()).Leased == 0,
            TimeSpan.FromSeconds(30),
            "the workers returned their leases after the pause"
        );
        await AssertNoRequestsAsync(simulator, "while paused");
        Assert.Equal(HarvestPhase.Paused, (await coordinator.GetStatus()).Phase);

        // Resume: the same run goes on to completion, and the database equals the truth.
        var resumed = await coordinator.ResumeRun();
        Assert.Equal(HarvestPhase.Running, resumed.Phase);
        Assert.Equal(started.RunId, resumed.RunId);
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(1), "resumed full harvest");
        var report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());

        // Cancel a second full run in the middle: it ends (phase and bookkeeping), and nothing more is fetched.
        var requests = HarvestProbe.Requests(simulator);
        var second = await coordinator.StartFull();
        Assert.NotEqual(started.RunId, second.RunId);
        await Eventually.HoldsAsync(
            () => Task.FromResult(HarvestProbe.Requests(simulator) >= requests + 5),
            TimeSpan.FromSeconds(30),
            "the second full harvest sent its first requests"
        );
        var cancelled = await coordinator.CancelRun();
        Assert.Equal(HarvestPhase.Cancelled, cancelled.Phase);
        Assert.True(cancelled.Done < cancelled.Partitions, "the run was cancelled before it completed");
        Assert.NotNull(cancelled.FinishedAt);
        await Eventually.HoldsAsync(
            async () => (await coordinator.GetStatus()).Leased == 0,
            TimeSpan.FromSeconds(30),
            "the workers returned their leases after the cancel"
        );
        await AssertNoRequestsAsync(simulator, "after the cancel");
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            var runs = await new HarvestBookkeeping(dataSource).GetRunsAsync(10, cancellation);
            Assert.Equal(HarvestOutcome.Cancelled, Assert.Single(runs, r => r.Id == second.RunId).Outcome);
            Assert.Equal(HarvestOutcome.Succeeded, Assert.Single(runs, r => r.Id == started.RunId).Outcome);
        }

        // A cancelled run does not block the next one.
        var third = await coordinator.StartFull();
        Assert.Equal(HarvestPhase.Running, third.Phase);
        Assert.NotEqual(second.RunId, third.RunId);
        await HarvestProbe.CompletesAsync(coordinator, TimeSpan.FromMinutes(1), "full harvest after a cancel");
        report = await TruthComparison.CompareAsync(simulator.BaseAddress, database, cancellation);
        Assert.True(report.IsExactMatch, report.ToString());
    }

    private static async Task AssertNoRequestsAsync(SimulatorHost simulator, string when)
    {
        var before = HarvestProbe.Requests(simulator);
        await Task.Delay(Quiet, TestContext.Current.CancellationToken);
        Assert.True(
            HarvestProbe.Requests(simulator) == before,
            $"no request reached the simulator {when} (observed for {Quiet.TotalSeconds} s)"
        );
    }
}
