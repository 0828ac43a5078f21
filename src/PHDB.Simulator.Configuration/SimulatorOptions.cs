using System.ComponentModel.DataAnnotations;

namespace PHDB.Simulator.Configuration;

/// <summary>Everything the simulator reads from the <c>Simulator</c> configuration section.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Simulator";

    /// <summary>Seed of the deterministic world, of fault decisions and of issued tokens.</summary>
    public int Seed { get; set; } = 20140101;

    /// <summary>Number of posts launched up to the clock's start (the world's scale).</summary>
    [Range(10, 5_000_000)]
    public int Scale { get; set; } = 50_000;

    /// <summary>Days of further launches generated after the clock's start, revealed as the clock advances.</summary>
    [Range(0, 3650)]
    public int HorizonDays { get; set; } = 365;

    /// <summary>Number of topics.</summary>
    [Range(10, 5000)]
    public int Topics { get; set; } = 300;

    /// <summary>Redact every user but the token's owner, as the live API has done since 2023.</summary>
    public bool Redaction { get; set; } = true;

    /// <summary>What <c>totalCount</c> returns on connections.</summary>
    public TotalCountMode TotalCount { get; set; } = TotalCountMode.Full;

    /// <summary>Largest page a connection returns; larger <c>first</c>/<c>last</c> values are clamped.</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 20;

    /// <summary>Maximum query complexity (graphql-ruby rules); 0 disables the check.</summary>
    [Range(0, int.MaxValue)]
    public int MaxComplexity { get; set; } = 1000;

    /// <summary>Maximum query depth; 0 disables the check.</summary>
    [Range(0, 1000)]
    public int MaxDepth { get; set; } = 13;

    /// <summary>Enables the <c>/_sim/</c> control and truth endpoints.</summary>
    public bool ControlApi { get; set; } = true;

    /// <summary>The applications (tokens) the simulator accepts.</summary>
    public List<ApplicationOptions> Applications { get; set; } = [];

    /// <summary>Rate limiting of the GraphQL endpoint.</summary>
    [Required]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The simulated clock.</summary>
    [Required]
    public ClockOptions Clock { get; set; } = new();

    /// <summary>Injected faults (all off by default).</summary>
    [Required]
    public FaultOptions Faults { get; set; } = new();

    /// <summary>Seeded vote bursts on a share of the popular posts (the answers of spike detection).</summary>
    [Required]
    public VoteBurstOptions VoteBursts { get; set; } = new();

    /// <summary>The applications in force: the configured ones, or the documented development application.</summary>
    public IReadOnlyList<ApplicationOptions> EffectiveApplications =>
        Applications.Count > 0 ? Applications : [ApplicationOptions.Development];
}
