using PHDB.Grains.Harvest;
using PHDB.Grains.RateBudgets;

namespace PHDB.Operations;

/// <summary>What the grains say of the harvest at one moment: the coordinator's status and partitions, and every budget.</summary>
/// <param name="Status">The current (or last) run.</param>
/// <param name="Partitions">The current run's partitions.</param>
/// <param name="Budgets">Rate budgets by application fingerprint.</param>
public sealed record HarvestGrainState(
    HarvestStatus Status,
    IReadOnlyList<PartitionProgress> Partitions,
    IReadOnlyDictionary<string, RateBudgetStatus> Budgets
)
{
    /// <summary>Reads the coordinator and the rate budgets through <paramref name="client"/>.</summary>
    public static async Task<HarvestGrainState> ReadAsync(IClusterClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var coordinator = client.GetGrain<IHarvestControl>(IHarvestCoordinatorGrain.Key);
        var status = await coordinator.GetStatus();
        var partitions = await coordinator.GetPartitions();
        var applications = await client.GetGrain<IRateBudgetDirectoryGrain>(0).GetApplications();
        var budgets = await Task.WhenAll(
            applications.Select(async a => (a, await client.GetGrain<IRateBudgetGrain>(a).GetStatus()))
        );
        return new HarvestGrainState(
            status,
            partitions,
            budgets.ToDictionary(b => b.a, b => b.Item2, StringComparer.Ordinal)
        );
    }
}
