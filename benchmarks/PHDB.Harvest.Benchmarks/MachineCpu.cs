using System.Globalization;

namespace PHDB.Harvest.Benchmarks;

/// <summary>The machine's CPU time, busy and total, from <c>/proc/stat</c> (every process: silos, PostgreSQL, simulator).</summary>
internal readonly record struct MachineCpu(long Busy, long Total)
{
    public static MachineCpu Read()
    {
        var fields = File.ReadLines("/proc/stat")
            .First(l => l.StartsWith("cpu ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture))
            .ToArray();
        // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
        var total = fields.Take(8).Sum();
        return new MachineCpu(total - fields[3] - fields[4], total);
    }

    /// <summary>The share of the machine busy between <paramref name="before"/> and this reading.</summary>
    public double BusySince(MachineCpu before) =>
        Total == before.Total ? 0 : (double)(Busy - before.Busy) / (Total - before.Total);
}
