namespace PHDB.Kaggle.Wire;

/// <summary>A dataset version's processing state (Kaggle's DatabundleVersionStatus; on the wire by name, e.g. <c>READY</c>).</summary>
public enum KaggleDatasetStatus
{
    /// <summary>NOT_YET_PERSISTED.</summary>
    NotYetPersisted,

    /// <summary>BLOBS_RECEIVED.</summary>
    BlobsReceived,

    /// <summary>BLOBS_DECOMPRESSED.</summary>
    BlobsDecompressed,

    /// <summary>BLOBS_COPIED_TO_SDS.</summary>
    BlobsCopiedToSds,

    /// <summary>INDIVIDUAL_BLOBS_COMPRESSED.</summary>
    IndividualBlobsCompressed,

    /// <summary>READY: done.</summary>
    Ready,

    /// <summary>FAILED: processing failed.</summary>
    Failed,

    /// <summary>DELETED.</summary>
    Deleted,

    /// <summary>REPROCESSING.</summary>
    Reprocessing,
}
