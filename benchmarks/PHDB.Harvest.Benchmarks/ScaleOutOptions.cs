namespace PHDB.Harvest.Benchmarks;

/// <summary>The command line of <c>scale-out</c>: <c>--name value</c> pairs, all optional.</summary>
/// <param name="Scale">Posts in the simulated world (more than a slice can harvest).</param>
/// <param name="WindowSeconds">The rate-limit window.</param>
/// <param name="Points">Points each token may spend per window (100 per request).</param>
/// <param name="Workers">Harvest workers per silo.</param>
/// <param name="Warmup">Seconds from the start command to the start of the slice measured.</param>
/// <param name="Slice">Seconds measured.</param>
/// <param name="Silos">Silo counts tried.</param>
/// <param name="Tokens">Token counts tried.</param>
internal sealed record ScaleOutOptions(
    int Scale,
    int WindowSeconds,
    int Points,
    int Workers,
    int Warmup,
    int Slice,
    IReadOnlyList<int> Silos,
    IReadOnlyList<int> Tokens
)
{
    /// <summary>What one request costs (the flat model).</summary>
    public const int CostPerRequest = 100;

    /// <summary>The most tokens a run may name.</summary>
    public int MostTokens => Tokens.Max();

    public static ScaleOutOptions Parse(string[] args) =>
        new(
            CommandLine.Number(args, "scale", 10_000),
            CommandLine.Number(args, "window", 1),
            CommandLine.Number(args, "points", 800),
            CommandLine.Number(args, "workers", 4),
            CommandLine.Number(args, "warmup", 10),
            CommandLine.Number(args, "slice", 40),
            CommandLine.Numbers(args, "silos", [1, 2, 4]),
            CommandLine.Numbers(args, "tokens", [1, 2, 4])
        );
}
