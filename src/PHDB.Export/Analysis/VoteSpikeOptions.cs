namespace PHDB.Export.Analysis;

/// <summary>Settings of <see cref="VoteSpikeDetector"/> (see docs/adr/0011-vote-spike-detection.md).</summary>
public sealed record VoteSpikeOptions
{
    /// <summary>The default settings.</summary>
    public static VoteSpikeOptions Default { get; } = new();

    /// <summary>
    /// How many (scaled, floored) median absolute deviations above the comparable posts' median share an hour must be
    /// to be a spike. Default 6: on the simulator's bursts of posts with 100 or more votes, any k from 3 to 12 gave no
    /// false positive and full recall (docs/benchmarks.md).
    /// </summary>
    public double K { get; init; } = 6;

    /// <summary>Fewest first-week votes a post needs to be tested or used as a reference (default 30).</summary>
    public int MinPostVotes { get; init; } = 30;

    /// <summary>Fewest votes an hour needs to be a spike, whatever its share (default 5).</summary>
    public int MinSpikeVotes { get; init; } = 5;

    /// <summary>
    /// Least spread, as a share of the post's first-week votes (default 0.005 = half a percentage point): late hours
    /// of most posts hold no vote, so their MAD is 0 and one vote would otherwise be a spike.
    /// </summary>
    public double MadFloor { get; init; } = 0.005;

    /// <summary>
    /// Fewest comparable posts an hour's median needs (default 20): a size band with fewer borrows the neighbouring
    /// bands; with fewer eligible posts in all, nothing is flagged.
    /// </summary>
    public int MinReferencePosts { get; init; } = 20;
}
