using Microsoft.Extensions.Options;
using PHDB.Simulator.Configuration;
using PHDB.Simulator.World;

namespace PHDB.Simulator.Clock;

/// <summary>
/// Simulated time: starts at <c>Clock:Start</c>, runs at <c>Clock:Speed</c> simulated seconds per real second in steps of
/// <c>Clock:TickSeconds</c>, and jumps forward exactly by whatever is advanced on demand.
/// </summary>
public sealed class SimulatedClock
{
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private readonly int _start;
    private readonly double _speed;
    private readonly int _tick;
    private long _advanced;

    /// <summary>Creates the clock.</summary>
    public SimulatedClock(IOptions<SimulatorOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _startTimestamp = time.GetTimestamp();
        _start = SimInstant.From(options.Value.Clock.Start);
        _speed = options.Value.Clock.Speed;
        _tick = options.Value.Clock.TickSeconds;
    }

    /// <summary>The current simulated instant.</summary>
    public DateTimeOffset UtcNow => SimInstant.ToDateTimeOffset(Now);

    /// <summary>The current simulated instant in world seconds.</summary>
    internal int Now
    {
        get
        {
            var running = 0L;
            if (_speed > 0)
            {
                var elapsed = _time.GetElapsedTime(_startTimestamp).TotalSeconds * _speed;
                running = (long)Math.Floor(elapsed / _tick) * _tick;
            }

            return (int)Math.Min(int.MaxValue - 1, _start + Interlocked.Read(ref _advanced) + running);
        }
    }

    /// <summary>Moves simulated time forward by the given number of seconds.</summary>
    public DateTimeOffset Advance(long seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        Interlocked.Add(ref _advanced, seconds);
        return UtcNow;
    }
}
