namespace PHDB.Harvest.Benchmarks;

/// <summary>The command line of <c>memory</c>: <c>--name value</c> pairs, all optional.</summary>
/// <param name="Scale">Posts in the simulated world.</param>
/// <param name="Mark">Posts stored at which the first reading is taken (the reference of the ratio).</param>
/// <param name="Workers">Harvest workers of the silo.</param>
/// <param name="Cap">The simulator's complexity cap.</param>
/// <param name="TimeoutMinutes">A posts phase that takes longer stops the run with what was reached.</param>
/// <param name="Silo">The silo's entry assembly (<c>PHDB.Silo.dll</c>), run as its own process.</param>
internal sealed record SiloMemoryOptions(int Scale, int Mark, int Workers, int Cap, int TimeoutMinutes, string Silo)
{
    public static SiloMemoryOptions Parse(string[] args) =>
        new(
            CommandLine.Number(args, "scale", 1_000_000),
            CommandLine.Number(args, "mark", 100_000),
            CommandLine.Number(args, "workers", 4),
            CommandLine.Number(args, "cap", 10_000),
            CommandLine.Number(args, "timeout", 90),
            Path.GetFullPath(CommandLine.Text(args, "silo") ?? DefaultSilo())
        );

    /// <summary>The Release build of <c>src/PHDB.Silo</c> next to this benchmark's own build.</summary>
    private static string DefaultSilo() =>
        Path.Join(
            AppContext.BaseDirectory,
            "..",
            "..",
            "..",
            "..",
            "..",
            "src",
            "PHDB.Silo",
            "bin",
            "Release",
            "net10.0",
            "PHDB.Silo.dll"
        );
}
