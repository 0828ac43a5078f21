using Orleans.Concurrency;

namespace PHDB.Grains;

/// <summary>
/// Answers <see cref="IClusterStatusGrain"/> from the membership table and the silos' runtime statistics.
/// Stateless: any silo can answer, and each answer is read fresh.
/// </summary>
[StatelessWorker(1)]
public sealed class ClusterStatusGrain(TimeProvider timeProvider) : Grain, IClusterStatusGrain
{
    /// <summary>How long the silos' activation counts are waited for; past it they stay unknown in the snapshot.</summary>
    public static readonly TimeSpan StatisticsTimeout = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    public async Task<ClusterSnapshot> GetSnapshot()
    {
        var management = GrainFactory.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);

        var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
        var activations = new Dictionary<SiloAddress, int>();
        if (active.Length > 0)
        {
            try
            {
                // A silo that just died is still active here until it is declared dead; its answer would take the
                // response timeout (30 s) and hold every push of the cluster's state until then.
                var statistics = await management.GetRuntimeStatistics(active).WaitAsync(StatisticsTimeout);
                for (var i = 0; i < active.Length && i < statistics.Length; i++)
                {
                    activations[active[i]] = statistics[i].ActivationCount;
                }
            }
            catch (Exception e)
                when (e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                // A silo died between the two reads: its count stays unknown in this snapshot.
            }
        }

        var silos = hosts
            .OrderByDescending(h => h.Status == SiloStatus.Active)
            .ThenByDescending(h => h.StartTime)
            .Select(h => new SiloStatusEntry(
                h.SiloAddress.ToParsableString(),
                h.SiloName,
                h.HostName,
                h.Status.ToString(),
                new DateTimeOffset(DateTime.SpecifyKind(h.StartTime, DateTimeKind.Utc)),
                h.IAmAliveTime == default
                    ? null
                    : new DateTimeOffset(DateTime.SpecifyKind(h.IAmAliveTime, DateTimeKind.Utc)),
                activations.TryGetValue(h.SiloAddress, out var count) ? count : null
            ))
            .ToList();

        return new ClusterSnapshot(timeProvider.GetUtcNow(), silos);
    }
}
