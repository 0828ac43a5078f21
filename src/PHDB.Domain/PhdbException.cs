namespace PHDB.Domain;

/// <summary>The base of every error PHDB raises on purpose; anything else is a bug.</summary>
public abstract class PhdbException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected PhdbException(string message, Exception? innerException = null)
        : base(message, innerException) { }
}
