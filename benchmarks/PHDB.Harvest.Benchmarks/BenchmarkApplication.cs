namespace PHDB.Harvest.Benchmarks;

/// <summary>One application of the simulator (its own budget and counters), used by one measurement.</summary>
/// <param name="Name">Name in the simulator's counters.</param>
/// <param name="Token">Its developer token.</param>
/// <param name="Points">Its points per window.</param>
internal sealed record BenchmarkApplication(string Name, string Token, int Points);
