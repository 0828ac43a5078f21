namespace PHDB.Simulator.World;

/// <summary>An invertible affine permutation of [0, n): spreads ranks over ids without storing a table.</summary>
internal readonly struct Scatter
{
    private readonly long _multiplier;
    private readonly long _inverse;
    private readonly long _offset;
    private readonly long _size;

    public Scatter(ulong hash, int size)
    {
        _size = Math.Max(1, size);
        var multiplier = (long)(hash % (ulong)_size) | 1;
        while (Gcd(multiplier, _size) != 1)
        {
            multiplier++;
        }

        _multiplier = multiplier % _size == 0 ? 1 : multiplier % _size;
        _inverse = ModInverse(_multiplier, _size);
        _offset = (long)(SeedMix.Mix(hash) % (ulong)_size);
    }

    public int Size => (int)_size;

    public int Apply(long rank) => (int)((_multiplier * (rank % _size) + _offset) % _size);

    /// <summary>Apply with an extra offset (e.g. one per post, so each post gets its own ordering of users).</summary>
    public int Apply(long rank, long shift) =>
        (int)(((_multiplier * (rank % _size) + _offset + shift) % _size + _size) % _size);

    public long Invert(int value) => Invert(value, 0);

    public long Invert(int value, long shift) =>
        ((((value - _offset - shift) % _size) + _size) % _size * _inverse) % _size;

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return Math.Abs(a);
    }

    private static long ModInverse(long a, long m)
    {
        if (m == 1)
        {
            return 0;
        }

        long m0 = m,
            x0 = 0,
            x1 = 1;
        while (a > 1)
        {
            var q = a / m;
            (a, m) = (m, a % m);
            (x0, x1) = (x1 - q * x0, x0);
        }

        return x1 < 0 ? x1 + m0 : x1;
    }
}
