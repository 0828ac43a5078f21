namespace PHDB.Grains.Harvest;

/// <summary>
/// The coordinator's book of leases, free of Orleans and clocks: which partition a worker holds until when, and
/// which wait in turn for one. Partitions whose own connection still has pages are leased before those with only
/// nested work left, so that listings run first and each request carries as many list pages as the cap allows;
/// within each group, the order of waiting is kept.
/// </summary>
/// <param name="leaseDuration">How long a lease lasts before its partition is offered again.</param>
public sealed class PartitionLeaseBook(TimeSpan leaseDuration)
{
    private readonly Dictionary<string, (string Worker, DateTimeOffset Expires)> leases = new(StringComparer.Ordinal);
    private readonly Queue<string> waiting = new();
    private readonly HashSet<string> rootsRead = new(StringComparer.Ordinal);

    /// <summary>Partitions leased now.</summary>
    public int Leased => leases.Count;

    /// <summary>Puts a partition in line for a lease (a partition already in line is not leased twice).</summary>
    public void Offer(string key) => waiting.Enqueue(key);

    /// <summary>Notes that a partition has read its own connection to the end: only nested work is left.</summary>
    public void RootRead(string key) => rootsRead.Add(key);

    /// <summary>Forgets every lease and every partition in line, as a run ends.</summary>
    public void Clear()
    {
        leases.Clear();
        waiting.Clear();
        rootsRead.Clear();
    }

    /// <summary>
    /// Leases up to <paramref name="max"/> partitions to <paramref name="worker"/> at <paramref name="now"/>, taken
    /// from those in line that <paramref name="isOpen"/> says still have work; expired leases are offered again first.
    /// </summary>
    public IReadOnlyList<string> Lease(string worker, int max, DateTimeOffset now, Func<string, bool> isOpen)
    {
        ArgumentNullException.ThrowIfNull(isOpen);
        foreach (var (key, lease) in leases.ToList())
        {
            if (lease.Expires <= now)
            {
                leases.Remove(key);
                waiting.Enqueue(key);
            }
        }

        var candidates = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inspected = waiting.Count;
        while (inspected-- > 0 && waiting.TryDequeue(out var key))
        {
            if (!leases.ContainsKey(key) && isOpen(key) && seen.Add(key))
            {
                candidates.Add(key);
            }
        }

        List<string> leased =
        [
            .. candidates.Where(k => !rootsRead.Contains(k)).Concat(candidates.Where(rootsRead.Contains)).Take(max),
        ];
        var taken = new HashSet<string>(leased, StringComparer.Ordinal);
        foreach (var key in candidates.Where(k => !taken.Contains(k)))
        {
            waiting.Enqueue(key);
        }

        foreach (var key in leased)
        {
            leases[key] = (worker, now + leaseDuration);
        }

        return leased;
    }

    /// <summary>
    /// Takes back the leases <paramref name="worker"/> holds on <paramref name="keys"/> (a lease that expired and went
    /// to another worker stays with it); those <paramref name="isOpen"/> says still have work go back in line.
    /// </summary>
    public void Return(string worker, IEnumerable<string> keys, Func<string, bool> isOpen)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(isOpen);
        foreach (var key in keys)
        {
            if (leases.TryGetValue(key, out var lease) && lease.Worker == worker)
            {
                leases.Remove(key);
                if (isOpen(key))
                {
                    waiting.Enqueue(key);
                }
            }
        }
    }
}
