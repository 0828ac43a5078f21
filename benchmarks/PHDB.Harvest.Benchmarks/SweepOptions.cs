namespace PHDB.Harvest.Benchmarks;

/// <summary>The command line of <c>sweep</c>: <c>--name value</c> pairs, all optional.</summary>
/// <param name="Scale">Posts in the simulated world.</param>
/// <param name="Days">Days the simulator's clock moves between the full harvest and the incremental run.</param>
/// <param name="Cap">The simulator's complexity cap.</param>
/// <param name="TimeoutMinutes">A run (the full harvest, then the incremental one) that takes longer fails.</param>
/// <param name="Silos">Silos of the harvesting cluster.</param>
/// <param name="Workers">Harvest workers per silo.</param>
internal sealed record SweepOptions(int Scale, int Days, int Cap, int TimeoutMinutes, short Silos, int Workers)
{
    /// <summary>The simulator's rate-limit window; the application's budget there is never the limit.</summary>
    public const int WindowSeconds = 3;

    public TimeSpan Timeout => TimeSpan.FromMinutes(TimeoutMinutes);

    public static SweepOptions Parse(string[] args) =>
        new(
            CommandLine.Number(args, "scale", 50_000),
            CommandLine.Number(args, "days", 1),
            CommandLine.Number(args, "cap", 1_000),
            CommandLine.Number(args, "timeout", 60),
            (short)CommandLine.Number(args, "silos", 2),
            CommandLine.Number(args, "workers", 4)
        );
}
