using PHDB.Simulator.Control;

namespace PHDB.Harvest.Benchmarks;

/// <summary>The complexity the simulator counted by connection (<c>posts</c>, <c>post.votes</c>…) over a span.</summary>
internal static class ConnectionComplexity
{
    /// <summary>What <paramref name="counters"/> counted since they read <paramref name="before"/>.</summary>
    public static IReadOnlyDictionary<string, long> Since(
        ApplicationCounters counters,
        IReadOnlyDictionary<string, long> before
    ) =>
        counters
            .ComplexityByConnection()
            .ToDictionary(c => c.Key, c => c.Value - before.GetValueOrDefault(c.Key), StringComparer.Ordinal);
}
