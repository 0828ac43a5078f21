namespace PHDB.Harvest.Benchmarks;

/// <summary>One sample of a <c>memory</c> run.</summary>
/// <param name="Elapsed">Since the start command.</param>
/// <param name="Posts">Posts stored.</param>
/// <param name="Memory">The silo process's resident memory.</param>
internal sealed record SiloMemoryReading(TimeSpan Elapsed, long Posts, ProcessMemory Memory);
