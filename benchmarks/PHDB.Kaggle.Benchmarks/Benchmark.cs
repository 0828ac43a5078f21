using System.Diagnostics;
using System.Globalization;

namespace PHDB.Kaggle.Benchmarks;

/// <summary>The parent: prepares the export, runs every variant <c>--repeat</c> times (interleaved), prints the report.</summary>
internal static class Benchmark
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var c = CultureInfo.InvariantCulture;
        Directory.CreateDirectory(arguments.Directory);
        var clock = Stopwatch.StartNew();
        var export = await SyntheticExport.PrepareAsync(arguments.Directory, arguments.SizeMiB, arguments.Keep);
        Console.Error.WriteLine(
            string.Create(
                c,
                $"export: {export.Files.Count} files, {export.Bytes:N0} bytes in {export.Directory} (ready in {clock.Elapsed.TotalSeconds:F1} s)"
            )
        );
        try
        {
            var results = new List<RunResult>();
            for (var repetition = 1; repetition <= arguments.Repeat; repetition++)
            {
                foreach (var variant in arguments.Variants)
                {
                    var run = await Measurement.RunAsync(variant, repetition, export, arguments);
                    Console.Error.WriteLine(Report.Line(run));
                    results.Add(run);
                }
            }

            Report.Print(results, export, arguments);
            return 0;
        }
        finally
        {
            if (!arguments.Keep)
            {
                Directory.Delete(export.Directory, recursive: true);
            }
        }
    }
}
