using PHDB.Storage;

namespace PHDB.Cli.Output;

/// <summary>One run in <c>phdb runs --json</c> (and <c>phdb sync --wait --json</c>).</summary>
internal sealed record RunJson(
    long Id,
    string Mode,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    double? DurationSeconds,
    string Outcome,
    long? Partitions,
    long? Parked,
    IReadOnlyDictionary<string, long> Counts,
    string? Error
)
{
    public static RunJson From(HarvestRun run) =>
        new(
            run.Id,
            run.Mode,
            run.StartedAt,
            run.FinishedAt,
            run.FinishedAt is { } finished ? Math.Round((finished - run.StartedAt).TotalSeconds, 1) : null,
            run.Outcome.ToString().ToLowerInvariant(),
            run.Counts.TryGetValue("partitions", out var partitions) ? partitions : null,
            run.Counts.TryGetValue("parked", out var parked) ? parked : null,
            run.Counts,
            run.Error
        );
}
