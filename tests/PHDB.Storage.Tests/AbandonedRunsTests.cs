namespace PHDB.Storage.Tests;

public sealed class AbandonedRunsTests(PHDB.Testing.PostgresServer postgres)
{
    [Fact]
    public async Task Runs_left_running_other_than_the_current_one_are_closed_as_failed()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync(postgres, "abandoned-runs");
        var finished = await store.Bookkeeping.StartRunAsync("full", cancellation);
        await store.Bookkeeping.FinishRunAsync(
            finished,
            HarvestOutcome.Succeeded,
            new Dictionary<string, long>(),
            null,
            cancellation
        );
        var orphan = await store.Bookkeeping.StartRunAsync("full", cancellation);
        var current = await store.Bookkeeping.StartRunAsync("full", cancellation);

        Assert.Equal(1, await store.Bookkeeping.CloseAbandonedRunsAsync(current, cancellation));
        Assert.Equal(0, await store.Bookkeeping.CloseAbandonedRunsAsync(current, cancellation));

        var runs = (await store.Bookkeeping.GetRunsAsync(10, cancellation)).ToDictionary(r => r.Id);
        Assert.Equal(HarvestOutcome.Succeeded, runs[finished].Outcome);
        Assert.Equal(HarvestOutcome.Running, runs[current].Outcome);
        Assert.Equal(HarvestOutcome.Failed, runs[orphan].Outcome);
        Assert.NotNull(runs[orphan].FinishedAt);
        Assert.Equal($"abandoned: the coordinator went on with run {current}", runs[orphan].Error);
    }
}
