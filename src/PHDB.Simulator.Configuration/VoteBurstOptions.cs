using System.ComponentModel.DataAnnotations;

namespace PHDB.Simulator.Configuration;

/// <summary>
/// Seeded vote bursts: a share of the popular posts receive a block of their votes inside one hour, days after
/// launch, so spike detection has known answers. Only those posts' vote times change; nothing else in the world does.
/// </summary>
public sealed class VoteBurstOptions
{
    /// <summary>Share (0..1) of the posts with at least <see cref="MinVotes"/> final votes that get a burst.</summary>
    [Range(0, 1)]
    public double Share { get; set; } = 0.01;

    /// <summary>Fewest final votes a post needs to be eligible for a burst.</summary>
    [Range(20, int.MaxValue)]
    public int MinVotes { get; set; } = 100;

    /// <summary>Smallest share (0..1) of the post's final votes cast inside the burst hour.</summary>
    [Range(0.01, 0.25)]
    public double MinFraction { get; set; } = 0.05;

    /// <summary>Largest share (0..1) of the post's final votes cast inside the burst hour.</summary>
    [Range(0.01, 0.25)]
    public double MaxFraction { get; set; } = 0.15;

    /// <summary>Earliest burst hour, counted in whole hours after launch.</summary>
    [Range(24, 160)]
    public int FirstHour { get; set; } = 24;

    /// <summary>Latest burst hour, counted in whole hours after launch (inclusive).</summary>
    [Range(24, 160)]
    public int LastHour { get; set; } = 160;
}
