using System.Globalization;

namespace PHDB.Harvest.Benchmarks;

/// <summary>The table of a <c>memory</c> run: RSS at each mark, the ratio to the first, the peak.</summary>
internal static class SiloMemoryReport
{
    public static void Write(TextWriter output, SiloMemoryOptions options, IReadOnlyList<SiloMemoryReading> readings)
    {
        if (readings.Count == 0)
        {
            output.WriteLine("No reading was taken.");
            return;
        }

        var reference = readings[0];
        output.WriteLine("| posts stored | elapsed | posts/s | silo RSS | RSS / first | peak RSS so far |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var reading in readings)
        {
            output.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {reading.Posts:N0} | {reading.Elapsed.TotalSeconds:0} s | {reading.Posts / reading.Elapsed.TotalSeconds:N0} | {SiloMemoryMeasurement.Mib(reading.Memory.Resident):N0} MiB | {(double)reading.Memory.Resident / reference.Memory.Resident:0.00}× | {SiloMemoryMeasurement.Mib(reading.Memory.Peak):N0} MiB |"
                )
            );
        }

        var last = readings[^1];
        output.WriteLine();
        output.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"RSS after {last.Posts:N0} posts ÷ RSS after {reference.Posts:N0}: {(double)last.Memory.Resident / reference.Memory.Resident:0.00} (goal ≤ 1.20); peak {SiloMemoryMeasurement.Mib(last.Memory.Peak):N0} MiB; {(last.Posts >= options.Scale ? "every post stored" : "stopped at the timeout")} after {last.Elapsed.TotalMinutes:0.0} min."
            )
        );
    }
}
