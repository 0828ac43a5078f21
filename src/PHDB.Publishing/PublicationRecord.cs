namespace PHDB.Publishing;

/// <summary>A row of the <c>publications</c> table: one publication, dry run or real.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Dataset">The dataset, <c>owner/slug</c> (empty until the export's metadata named it).</param>
/// <param name="Origin">Who asked: <c>cli</c>, <c>console</c>, <c>dashboard</c> or <c>schedule</c>.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished; <c>null</c> while running.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Stage">The stage it reached (where it failed, for a failure).</param>
/// <param name="Version">The dataset version Kaggle created.</param>
/// <param name="Ref">The dataset's <c>owner/slug</c> as Kaggle answered it.</param>
/// <param name="Url">The dataset's page.</param>
/// <param name="Notes">The version notes.</param>
/// <param name="Files">Files uploaded (or planned).</param>
/// <param name="Bytes">Their bytes.</param>
/// <param name="ExportName">The export published (its folder name).</param>
/// <param name="Tables">Rows per table of the export.</param>
/// <param name="LastRunId">The newest succeeded harvest run the export includes.</param>
/// <param name="HighWater">How far the harvest had read (the newest observation).</param>
/// <param name="Error">Why it failed (or, for a dry run, why Kaggle would refuse it).</param>
/// <param name="Warnings">Tags Kaggle did not know.</param>
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
    /// <summary>The files uploaded (or planned), with their paths in the export folder.</summary>
    public IReadOnlyList<PlannedFile> FileList { get; init; } = [];

    /// <summary>The export folder published.</summary>
    public string? ExportDirectory { get; init; }

    /// <summary>The version the create call makes, recorded before the call (so a resume can tell).</summary>
    public int? ExpectedVersion { get; init; }

    /// <summary>Who ran it: machine name and process id.</summary>
    public string Host { get; init; } = "";

    /// <summary>How long it took (so far).</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
