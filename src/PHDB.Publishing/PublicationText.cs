namespace PHDB.Publishing;

/// <summary>How outcomes and stages are spelled in the <c>publications</c> table.</summary>
internal static class PublicationText
{
    public static string Of(PublicationOutcome outcome) =>
        outcome switch
        {
            PublicationOutcome.Running => "running",
            PublicationOutcome.Succeeded => "succeeded",
            PublicationOutcome.Failed => "failed",
            PublicationOutcome.DryRun => "dry_run",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
        };

    public static string Of(PublicationStage stage) =>
        stage switch
        {
            PublicationStage.Exporting => "exporting",
            PublicationStage.Validating => "validating",
            PublicationStage.Uploading => "uploading",
            PublicationStage.Committing => "committing",
            PublicationStage.Processing => "processing",
            PublicationStage.Done => "done",
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
        };

    public static PublicationOutcome Outcome(string text) =>
        text switch
        {
            "running" => PublicationOutcome.Running,
            "succeeded" => PublicationOutcome.Succeeded,
            "failed" => PublicationOutcome.Failed,
            "dry_run" => PublicationOutcome.DryRun,
            _ => throw new FormatException($"'{text}' is not a publication outcome."),
        };

    public static PublicationStage Stage(string text) =>
        text switch
        {
            "exporting" => PublicationStage.Exporting,
            "validating" => PublicationStage.Validating,
            "uploading" => PublicationStage.Uploading,
            "committing" => PublicationStage.Committing,
            "processing" => PublicationStage.Processing,
            "done" => PublicationStage.Done,
            _ => throw new FormatException($"'{text}' is not a publication stage."),
        };
}
