using PHDB.Testing.Truth;

// Usage: PHDB.Reliability.Truth <simulator base address> <connection string>
// Prints the comparison, one line per set, and exits 0 when the database equals the truth in every set, 1 otherwise.
if (args.Length != 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out var simulator))
{
    await Console.Error.WriteLineAsync("usage: PHDB.Reliability.Truth <simulator base address> <connection string>");
    return 2;
}

using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var report = await TruthComparison.CompareAsync(simulator, args[1], timeout.Token);
Console.WriteLine(report);
Console.WriteLine(
    $"truth: {report.Sets.Count(s => s.IsExactMatch)} of {report.Sets.Count} sets equal the simulator's truth"
);
return report.IsExactMatch ? 0 : 1;
