using PHDB.Domain;

namespace PHDB.ProductHunt;

/// <summary>An error the Product Hunt API answered with, or the lack of an answer. Messages never carry a token.</summary>
public abstract class ProductHuntApiException : PhdbException
{
    /// <summary>Creates the exception.</summary>
    protected ProductHuntApiException(string message, int? statusCode, Exception? innerException = null)
        : base(message, innerException) => StatusCode = statusCode;

    /// <summary>The HTTP status of the answer, when there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>Whether trying the same request again later may succeed.</summary>
    public virtual bool IsTransient => false;
}
