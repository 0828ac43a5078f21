using System.Globalization;

namespace PHDB.Kaggle.Benchmarks;

/// <summary>Prints the runs and the medians per variant as Markdown tables.</summary>
internal static class Report
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>One run, for the progress log.</summary>
    public static string Line(RunResult r) =>
        string.Create(
            C,
            $"run {r.Repetition} {r.Variant}: {r.Client.Seconds:F2} s, {r.MegabytesPerSecond:F1} MB/s, peak RSS {Mb(r.Client.PeakRssBytes)} MB, "
                + $"client CPU {r.Client.CpuSeconds:F1} s, stand-in CPU {r.ServerCpuSeconds:F1} s, re-sent {r.ResentBytes:N0} B, load {r.LoadAverage:F1}"
        );

    public static void Print(IReadOnlyList<RunResult> results, SyntheticExport export, BenchmarkArguments arguments)
    {
        Console.WriteLine(
            string.Create(
                C,
                $"{export.Bytes:N0} bytes in {export.Files.Count} files ({string.Join(", ", export.Files.Select(f => $"{f.Bytes >> 20} MiB"))}), "
                    + $"{arguments.Repeat} runs per variant, chunk {(arguments.ChunkMiB == 0 ? "default" : $"{arguments.ChunkMiB} MiB")}; MB = 10^6 bytes"
            )
        );
        Console.WriteLine();
        Console.WriteLine(
            "| run | variant | seconds | MB/s | peak RSS MB | RSS at start MB | peak managed heap MB | allocated MB | GCs (0/1/2) | client CPU s | stand-in CPU s | upload PUTs | bytes re-sent | load |"
        );
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var k = r.Client;
            Console.WriteLine(
                string.Create(
                    C,
                    $"| {r.Repetition} | {r.Variant} | {k.Seconds:F2} | {r.MegabytesPerSecond:F1} | {Mb(k.PeakRssBytes)} | {Mb(k.StartRssBytes)} | {Mb(k.PeakManagedBytes)} | "
                        + $"{Mb(k.AllocatedBytes)} | {string.Join('/', k.Collections)} | {k.CpuSeconds:F1} | {r.ServerCpuSeconds:F1} | {r.UploadRequests} | {r.ResentBytes:N0} | {r.LoadAverage:F1} |"
                )
            );
        }

        var baseline = results.Where(r => r.Variant == Variant.Baseline).ToList();
        var baseRate = baseline.Count > 0 ? Median(baseline.Select(r => r.MegabytesPerSecond)) : double.NaN;
        var baseRss = baseline.Count > 0 ? Median(baseline.Select(r => (double)r.Client.PeakRssBytes)) : double.NaN;
        Console.WriteLine();
        Console.WriteLine($"Median of {arguments.Repeat} run(s):");
        Console.WriteLine();
        Console.WriteLine(
            "| variant | seconds | MB/s | peak RSS MB | × baseline MB/s | × baseline peak RSS | client CPU s | bytes re-sent |"
        );
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Variant))
        {
            var rate = Median(group.Select(r => r.MegabytesPerSecond));
            var rss = Median(group.Select(r => (double)r.Client.PeakRssBytes));
            Console.WriteLine(
                string.Create(
                    C,
                    $"| {group.Key} | {Median(group.Select(r => r.Client.Seconds)):F2} | {rate:F1} | {rss / 1e6:F0} | {rate / baseRate:F2}× | {rss / baseRss:F2}× | "
                        + $"{Median(group.Select(r => r.Client.CpuSeconds)):F1} | {Median(group.Select(r => (double)r.ResentBytes)):N0} |"
                )
            );
        }
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("F0", C);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
