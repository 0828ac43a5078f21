using System.Collections.Concurrent;

namespace PHDB.Simulator.Control;

/// <summary>Request, point and rate-limit counters per application.</summary>
public sealed class SimulatorStats
{
    private readonly ConcurrentDictionary<string, ApplicationCounters> _applications = new(StringComparer.Ordinal);

    /// <summary>Counters of one application, created on first use.</summary>
    public ApplicationCounters For(string application) =>
        _applications.GetOrAdd(application, static _ => new ApplicationCounters());

    /// <summary>A copy of all counters.</summary>
    public IReadOnlyDictionary<string, ApplicationCounters.Snapshot> Read() =>
        _applications.ToDictionary(pair => pair.Key, pair => pair.Value.Read(), StringComparer.Ordinal);
}
