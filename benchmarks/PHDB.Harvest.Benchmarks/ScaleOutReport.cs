using System.Globalization;

namespace PHDB.Harvest.Benchmarks;

/// <summary>The scale-out table: throughput of each silos × tokens cell relative to one silo and one token.</summary>
internal static class ScaleOutReport
{
    public static void Write(TextWriter output, ScaleOutOptions options, IReadOnlyList<ScaleOutReading> readings)
    {
        var baseline =
            readings.FirstOrDefault(r => r.Silos == 1 && r.Tokens == 1)?.RequestsPerSecond
            ?? readings[0].RequestsPerSecond;
        var perToken = (double)options.Points / ScaleOutOptions.CostPerRequest / options.WindowSeconds;
        output.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Scale-out: world of {options.Scale:N0} posts; each token {options.Points:N0} points per {options.WindowSeconds} s window at {ScaleOutOptions.CostPerRequest} per request ({perToken:F1} requests/s); {options.Workers} workers per silo; slice {options.Slice} s after {options.Warmup} s; {Environment.ProcessorCount} cores"
            )
        );
        output.WriteLine();
        output.WriteLine(
            "| silos | tokens | requests/s | ÷ 1 silo, 1 token | goal 0.9·K | rows stored/s | 429s | machine busy |"
        );
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in readings)
        {
            output.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {r.Silos} | {r.Tokens} | {r.RequestsPerSecond:F1} | {r.RequestsPerSecond / baseline:F2}× | {0.9 * r.Tokens:F1}× | {r.RowsPerSecond:N0} | {r.RateLimited} | {r.MachineBusy:P0} |"
                )
            );
        }
    }
}
