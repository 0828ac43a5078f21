namespace PHDB.Publishing;

/// <summary>A row of the <c>publications</c> table: one publication, dry run or real.</summary>
public sealed record PublicationRecord(
    long Id,
    string Dataset,
    string Origin,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    PublicationOutcome Outcome,
    PublicationStage Stage,
    int? Version,
    string? Ref,
    string? Url,
    string Notes,
    int Files,
    long Bytes,
    string? ExportName,
    IReadOnlyDictionary<string, long> Tables,
    long? LastRunId,
    DateTimeOffset? HighWater,
    string? Error,
    IReadOnlyList<string> Warnings
)
{
    /// <summary>How long it took (so far).</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
