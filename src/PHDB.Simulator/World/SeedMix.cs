namespace PHDB.Simulator.World;

/// <summary>Stateless, seed-derived pseudo-random numbers (SplitMix64 finaliser): the same inputs always give the same value.</summary>
internal static class SeedMix
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Hash(ulong seed, long a) => Mix(seed ^ Mix((ulong)a));

    public static ulong Hash(ulong seed, long a, long b) => Mix(Hash(seed, a) ^ Mix((ulong)b + 0x632BE59BD9B4E019UL));

    public static ulong Hash(ulong seed, long a, long b, long c) =>
        Mix(Hash(seed, a, b) ^ Mix((ulong)c + 0x8CB92BA72F3D8DD7UL));

    /// <summary>A uniform double in [0, 1).</summary>
    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, n).</summary>
    public static int Below(ulong h, int n) => n <= 0 ? 0 : (int)((h >> 1) % (ulong)n);

    /// <summary>A standard normal deviate from two hashes (Box–Muller).</summary>
    public static double Normal(ulong h1, ulong h2)
    {
        var u1 = Math.Max(Unit(h1), 1e-12);
        var u2 = Unit(h2);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A log-normally distributed count, the heavy tail of votes, comments and followers.</summary>
    public static int LogNormal(ulong h, double mu, double sigma, int cap)
    {
        var value = Math.Exp(mu + sigma * Normal(h, Mix(h)));
        return (int)Math.Min(cap, Math.Floor(value));
    }
}
