namespace PHDB.Kaggle;

/// <summary>A failed call to Kaggle; the message is one line for the user and never holds a credential.</summary>
public sealed class KaggleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KaggleException(KaggleFailure failure, string message, int? statusCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    /// <summary>Why it failed.</summary>
    public KaggleFailure Failure { get; }

    /// <summary>The HTTP status Kaggle answered, if it answered.</summary>
    public int? StatusCode { get; }
}
