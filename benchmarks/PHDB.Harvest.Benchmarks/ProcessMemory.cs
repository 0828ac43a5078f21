using System.Globalization;

namespace PHDB.Harvest.Benchmarks;

/// <summary>A process's resident memory now and at its peak, from <c>/proc/&lt;pid&gt;/status</c>, in bytes.</summary>
/// <param name="Resident">VmRSS.</param>
/// <param name="Peak">VmHWM (the largest VmRSS so far).</param>
internal sealed record ProcessMemory(long Resident, long Peak)
{
    public static ProcessMemory Read(int processId)
    {
        long resident = 0;
        long peak = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                resident = Kibibytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kibibytes(line);
            }
        }

        return new ProcessMemory(resident, peak);
    }

    private static long Kibibytes(string line) =>
        long.Parse(
            line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            NumberStyles.Integer,
            CultureInfo.InvariantCulture
        ) * 1024;
}
