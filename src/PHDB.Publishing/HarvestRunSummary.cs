namespace PHDB.Publishing;

/// <summary>A succeeded harvest run a release includes.</summary>
public sealed record HarvestRunSummary(long Id, string Mode, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);
