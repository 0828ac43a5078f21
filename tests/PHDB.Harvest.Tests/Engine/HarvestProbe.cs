using PHDB.Grains.Harvest;
using PHDB.Simulator.Hosting;
using PHDB.Testing;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>What the engine tests observe of a harvest: the coordinator's phase and the simulator's counters.</summary>
internal static class HarvestProbe
{
    /// <summary>Requests the simulator received (served, faulted or refused for the rate limit).</summary>
    public static long Requests(SimulatorHost simulator) => simulator.Stats.Read().Values.Sum(s => s.Requests);

    /// <summary>Requests the simulator answered 429.</summary>
    public static long RateLimited(SimulatorHost simulator) => simulator.Stats.Read().Values.Sum(s => s.RateLimited);

    /// <summary>Waits until the coordinator's run is in <paramref name="phase"/>.</summary>
    public static Task ReachesAsync(
        IHarvestCoordinatorGrain coordinator,
        HarvestPhase phase,
        TimeSpan timeout,
        string expectation
    ) =>
        Eventually.HoldsAsync(
            async () => (await coordinator.GetStatus()).Phase == phase,
            timeout,
            expectation,
            TimeSpan.FromMilliseconds(200)
        );

    /// <summary>
    /// Waits until the coordinator's run completed, with at most <paramref name="timeout"/>; on a timeout the
    /// failure shows the run's status and its unfinished partitions.
    /// </summary>
    public static async Task CompletesAsync(IHarvestCoordinatorGrain coordinator, TimeSpan timeout, string run)
    {
        try
        {
            await ReachesAsync(coordinator, HarvestPhase.Completed, timeout, $"the {run} completed");
        }
        catch (TimeoutException e)
        {
            var unfinished = (await coordinator.GetPartitions()).Where(p => p.Status != PartitionStatus.Done);
            throw new TimeoutException(
                $"{e.Message} Status: {await coordinator.GetStatus()}. Unfinished: "
                    + string.Join("; ", unfinished.Take(10)),
                e
            );
        }
    }
}
