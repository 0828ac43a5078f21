namespace PHDB.Publishing;

/// <summary>How a publication ended (stored by name, lower case, in <c>publications.outcome</c>).</summary>
public enum PublicationOutcome
{
    /// <summary>Still going.</summary>
    Running,

    /// <summary>Kaggle created the dataset or version and processed it.</summary>
    Succeeded,

    /// <summary>Refused, or failed on the way; see the error.</summary>
    Failed,

    /// <summary>A dry run: planned and validated, nothing sent.</summary>
    DryRun,
}
