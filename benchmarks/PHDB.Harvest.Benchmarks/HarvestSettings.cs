using System.Globalization;

namespace PHDB.Harvest.Benchmarks;

/// <summary>The cluster's configuration for each measurement; everything not named keeps its production default.</summary>
internal static class HarvestSettings
{
    /// <summary>
    /// The rate budget starts from the live limits on the accelerated window. Its reset margin (1 s against a
    /// 15-minute window live, for clock skew) shrinks with the window; simulator and silos share one clock here.
    /// Pauses measured against a live window (idle and error delays) shrink likewise.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Throttled(BenchmarkOptions options) =>
        Throttled(options.Workers, options.Window, BenchmarkOptions.Points, BenchmarkOptions.CostPerRequest);

    /// <summary>As <see cref="Throttled(BenchmarkOptions)"/>, for <paramref name="points"/> per <paramref name="window"/>.</summary>
    public static Dictionary<string, string?> Throttled(int workers, TimeSpan window, int points, int costPerRequest) =>
        new(Common(workers))
        {
            ["Harvest:RateBudget:DefaultLimit"] = Text(points),
            ["Harvest:RateBudget:CostPerRequest"] = Text(costPerRequest),
            ["Harvest:RateBudget:DefaultWindow"] = window.ToString("c", CultureInfo.InvariantCulture),
            ["Harvest:RateBudget:ResetMargin"] = "00:00:00.050",
        };

    /// <summary>The budget the simulator grants this application is never the limit.</summary>
    public static IReadOnlyDictionary<string, string?> Unthrottled(BenchmarkOptions options) =>
        Unthrottled(options.Workers, options.Window);

    /// <summary>As <see cref="Unthrottled(BenchmarkOptions)"/>, against a simulator window of <paramref name="window"/>.</summary>
    public static Dictionary<string, string?> Unthrottled(int workers, TimeSpan window) =>
        new(Common(workers))
        {
            ["Harvest:RateBudget:DefaultLimit"] = "10000000",
            ["Harvest:RateBudget:DefaultWindow"] = window.ToString("c", CultureInfo.InvariantCulture),
            ["Harvest:RateBudget:ResetMargin"] = "00:00:00",
        };

    private static Dictionary<string, string?> Common(int workers) =>
        new(StringComparer.Ordinal)
        {
            ["Harvest:Worker:Concurrency"] = Text(workers),
            ["Harvest:Worker:IdleDelay"] = "00:00:00.050",
            ["Harvest:Worker:ErrorDelay"] = "00:00:00.200",
            ["ProductHunt:RetryBaseDelay"] = "00:00:00.050",
        };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
