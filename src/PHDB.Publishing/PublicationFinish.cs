namespace PHDB.Publishing;

/// <summary>How a running publication ends, as <see cref="PublicationHistory"/> records it.</summary>
/// <param name="Outcome">Succeeded or failed.</param>
/// <param name="Version">The version Kaggle created, if it did.</param>
/// <param name="Ref">The dataset's <c>owner/slug</c> as Kaggle answered it.</param>
/// <param name="Url">The dataset's page.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Warnings">Tags Kaggle did not know (none when <c>null</c>).</param>
internal sealed record PublicationFinish(
    PublicationOutcome Outcome,
    int? Version = null,
    string? Ref = null,
    string? Url = null,
    string? Error = null,
    IReadOnlyList<string>? Warnings = null
);
