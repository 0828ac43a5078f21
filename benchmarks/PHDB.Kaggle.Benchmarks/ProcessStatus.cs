using System.Globalization;

namespace PHDB.Kaggle.Benchmarks;

/// <summary>Figures of this process and of the machine from <c>/proc</c> (Linux).</summary>
internal static class ProcessStatus
{
    /// <summary>Peak resident set size (<c>VmHWM</c>), in bytes.</summary>
    public static long PeakResidentBytes() => StatusKilobytes("VmHWM:") * 1024;

    /// <summary>Current resident set size (<c>VmRSS</c>), in bytes.</summary>
    public static long ResidentBytes() => StatusKilobytes("VmRSS:") * 1024;

    /// <summary>The 1-minute load average.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>User and system CPU time of this process so far.</summary>
    public static TimeSpan CpuTime()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static long StatusKilobytes(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(
                    line[key.Length..].Trim().Split(' ')[0],
                    NumberStyles.None,
                    CultureInfo.InvariantCulture
                );
            }
        }

        throw new InvalidOperationException($"/proc/self/status has no {key}");
    }
}
