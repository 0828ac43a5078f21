using System.ComponentModel.DataAnnotations;

namespace PHDB.Simulator.Configuration;

/// <summary>The simulated clock that decides what the world looks like.</summary>
public sealed class ClockOptions
{
    /// <summary>Simulated instant at start-up (UTC).</summary>
    public DateTimeOffset Start { get; set; } = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Simulated seconds per real second; 0 freezes the clock (it then moves only when advanced).</summary>
    [Range(0, 1_000_000)]
    public double Speed { get; set; } = 1;

    /// <summary>Granularity of simulated time in seconds: the world changes in steps of this size.</summary>
    [Range(1, 86_400)]
    public int TickSeconds { get; set; } = 60;
}
