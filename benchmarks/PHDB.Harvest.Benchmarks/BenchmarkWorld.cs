using PHDB.Simulator.Configuration;
using PHDB.Simulator.Hosting;

namespace PHDB.Harvest.Benchmarks;

/// <summary>The in-process simulator every measurement harvests: a world whose clock stands still.</summary>
internal static class BenchmarkWorld
{
    /// <summary>
    /// Starts a world of <paramref name="scale"/> posts with <paramref name="applications"/> (each its own budget and
    /// counters, numbered from 1), under <paramref name="limits"/> and a complexity cap of <paramref name="cap"/>
    /// (the simulator's defaults where null).
    /// </summary>
    public static Task<SimulatorHost> StartAsync(
        int scale,
        int? cap,
        RateLimitOptions? limits,
        IEnumerable<BenchmarkApplication> applications
    ) =>
        SimulatorHost.StartAsync(o =>
        {
            o.Scale = scale;
            o.Clock.Speed = 0;
            if (cap is { } maxComplexity)
            {
                o.MaxComplexity = maxComplexity;
            }

            if (limits is not null)
            {
                o.RateLimit = limits;
            }

            o.Applications =
            [
                .. applications.Select(
                    (a, i) =>
                        new ApplicationOptions
                        {
                            Name = a.Name,
                            ApplicationId = i + 1,
                            DeveloperToken = a.Token,
                            Points = a.Points,
                        }
                ),
            ];
        });
}
