namespace PHDB.Harvest.Benchmarks;

/// <summary>What the sweep measurement found.</summary>
/// <param name="Posts">Posts of the world the full harvest read.</param>
/// <param name="Full">The full harvest.</param>
/// <param name="Change">What the world did while the simulator's clock moved.</param>
/// <param name="Incremental">The incremental run after it, with its sweep.</param>
internal sealed record SweepOutcome(int Posts, RunReading Full, WorldChange Change, RunReading Incremental)
{
    /// <summary>Whether the database equalled the truth after both runs.</summary>
    public bool Exact => Full.Truth.IsExactMatch && Incremental.Truth.IsExactMatch;
}
