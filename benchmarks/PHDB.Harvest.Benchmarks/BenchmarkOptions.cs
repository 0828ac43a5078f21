using PHDB.Simulator.Configuration;

namespace PHDB.Harvest.Benchmarks;

/// <summary>The command line: <c>--name value</c> pairs, all optional.</summary>
/// <param name="Scale">Posts in the simulated world.</param>
/// <param name="WindowSeconds">Length of the accelerated rate-limit window (the live one is 900 s).</param>
/// <param name="BaselineWindows">Windows the original tool's pattern runs for.</param>
/// <param name="Silos">Silos of the harvesting cluster.</param>
/// <param name="Workers">Harvest workers per silo.</param>
/// <param name="Parts">Which measurements to run: <c>original</c>, <c>throttled</c>, <c>unthrottled</c>.</param>
/// <param name="TimeoutMinutes">A full harvest that takes longer fails the run.</param>
/// <param name="Cap">The simulator's complexity cap (the live one is uncertain; 1,000 in a 2021 report).</param>
/// <param name="UntilPosts">Stop each harvest once every post is stored (cancel the rest of the run).</param>
/// <param name="CostModel">What the simulator charges a request: 100 points, its complexity, or the larger.</param>
internal sealed record BenchmarkOptions(
    int Scale,
    int WindowSeconds,
    int BaselineWindows,
    short Silos,
    int Workers,
    IReadOnlySet<string> Parts,
    int TimeoutMinutes,
    int Cap,
    bool UntilPosts,
    RequestCostModel CostModel
)
{
    /// <summary>Points per window and per request, as the live API.</summary>
    public const int Points = 6_250;

    /// <inheritdoc cref="Points"/>
    public const int CostPerRequest = 100;

    /// <summary>The live window, which the accelerated one stands for.</summary>
    public static readonly TimeSpan LiveWindow = TimeSpan.FromMinutes(15);

    /// <summary>The original tool's pause between requests on the live API.</summary>
    public static readonly TimeSpan LiveOriginalInterval = TimeSpan.FromSeconds(2);

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>The live API's limits on a window of <paramref name="windowSeconds"/>, charged by <paramref name="model"/>.</summary>
    public static RateLimitOptions LiveLikeLimits(RequestCostModel model, int windowSeconds) =>
        new()
        {
            Points = Points,
            CostPerRequest = CostPerRequest,
            CostModel = model,
            WindowSeconds = windowSeconds,
        };

    /// <summary>The original's 2 s scaled to the accelerated window (the same fraction of a window).</summary>
    public TimeSpan OriginalInterval => Window * (LiveOriginalInterval / LiveWindow);

    public static BenchmarkOptions Parse(string[] args) =>
        new(
            CommandLine.Number(args, "scale", 50_000),
            CommandLine.Number(args, "window", 3),
            CommandLine.Number(args, "original-windows", 3),
            (short)CommandLine.Number(args, "silos", 2),
            CommandLine.Number(args, "workers", 4),
            (CommandLine.Text(args, "only") ?? "original,throttled,unthrottled")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.Ordinal),
            CommandLine.Number(args, "timeout", 60),
            CommandLine.Number(args, "cap", 1_000),
            string.Equals(CommandLine.Text(args, "until"), "posts", StringComparison.Ordinal),
            Enum.Parse<RequestCostModel>(
                CommandLine.Text(args, "cost-model") ?? nameof(RequestCostModel.Flat),
                ignoreCase: true
            )
        );
}
