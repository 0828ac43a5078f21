namespace PHDB.Kaggle.Benchmarks;

/// <summary>Samples the managed heap every 10 ms and keeps the largest size seen.</summary>
internal sealed class HeapSampler : IDisposable
{
    private readonly Timer timer;
    private long peak;

    public HeapSampler()
    {
        timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
    }

    /// <summary>The largest managed heap seen so far, in bytes.</summary>
    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref peak);
        }
    }

    public void Dispose() => timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        var seen = Interlocked.Read(ref peak);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref peak, now, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
