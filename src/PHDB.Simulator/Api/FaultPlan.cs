using PHDB.Simulator.Configuration;
using PHDB.Simulator.World;

namespace PHDB.Simulator.Api;

/// <summary>
/// Decides faults per GraphQL request from the seed and the request's sequence number, so a client that sends the
/// same requests in the same order meets the same faults. The rates can be replaced at run time.
/// </summary>
internal sealed class FaultPlan(ulong seed, FaultOptions initial)
{
    private FaultOptions _current = initial;
    private long _sequence;

    public FaultOptions Current => Volatile.Read(ref _current);

    public void Replace(FaultOptions options)
    {
        Volatile.Write(ref _current, options);
        Interlocked.Exchange(ref _sequence, 0);
    }

    public FaultKind Next()
    {
        var options = Current;
        if (!options.Any)
        {
            return FaultKind.None;
        }

        var n = Interlocked.Increment(ref _sequence);
        var roll = SeedMix.Unit(SeedMix.Hash(seed, 700, n));
        (double Rate, FaultKind Kind)[] table =
        [
            (options.ServerErrorRate, FaultKind.ServerError),
            (options.SlowRate, FaultKind.Slow),
            (options.TimeoutRate, FaultKind.Timeout),
            (options.DropRate, FaultKind.Drop),
            (options.TruncateRate, FaultKind.Truncate),
            (options.MalformedRate, FaultKind.Malformed),
            (options.GraphQLErrorRate, FaultKind.GraphQLError),
        ];
        foreach (var (rate, kind) in table)
        {
            if (roll < rate)
            {
                return kind;
            }

            roll -= rate;
        }

        return FaultKind.None;
    }
}
