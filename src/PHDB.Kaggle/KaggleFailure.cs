namespace PHDB.Kaggle;

/// <summary>Why a call to Kaggle failed.</summary>
public enum KaggleFailure
{
    /// <summary>No credentials were found in any of the places they are read from.</summary>
    MissingCredentials,

    /// <summary>Kaggle refused the credentials (401/403).</summary>
    Unauthorized,

    /// <summary>Kaggle refused the request as invalid (400), or the metadata is invalid.</summary>
    InvalidRequest,

    /// <summary>What was asked for does not exist (404).</summary>
    NotFound,

    /// <summary>Kaggle answered, but its answer says the operation failed (<c>status</c>/<c>error</c>, or processing FAILED).</summary>
    Rejected,

    /// <summary>Kaggle kept failing (5xx, 429) after every retry.</summary>
    ServerError,

    /// <summary>Kaggle could not be reached after every retry.</summary>
    Unreachable,

    /// <summary>An upload's address expired and starting it again did not help.</summary>
    UploadExpired,

    /// <summary>Processing did not finish in time.</summary>
    Timeout,
}
