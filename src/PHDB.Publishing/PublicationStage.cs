namespace PHDB.Publishing;

/// <summary>Where a publication is; also the phase recorded in <c>publications.stage</c> so a lost host's publication can resume.</summary>
public enum PublicationStage
{
    /// <summary>Writing the export it publishes.</summary>
    Exporting,

    /// <summary>Checking the metadata and files.</summary>
    Validating,

    /// <summary>Uploading files.</summary>
    Uploading,

    /// <summary>Creating the dataset or version (the expected version is recorded first).</summary>
    Committing,

    /// <summary>Waiting for Kaggle to process it.</summary>
    Processing,

    /// <summary>Finished.</summary>
    Done,
}
