namespace PHDB.Export;

/// <summary>Why an export could not be written, in one line; nothing partial is left behind.</summary>
public sealed class ExportFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExportFailedException(ExportFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    /// <summary>Creates an exception of kind <see cref="ExportFailure.Unexpected"/>.</summary>
    public ExportFailedException()
        : this(ExportFailure.Unexpected, "The export failed.") { }

    /// <summary>Creates an exception of kind <see cref="ExportFailure.Unexpected"/>.</summary>
    public ExportFailedException(string message)
        : this(ExportFailure.Unexpected, message) { }

    /// <summary>Creates an exception of kind <see cref="ExportFailure.Unexpected"/>.</summary>
    public ExportFailedException(string message, Exception innerException)
        : this(ExportFailure.Unexpected, message, innerException) { }

    /// <summary>What kind of failure it is (the command line maps it to an exit code).</summary>
    public ExportFailure Failure { get; }
}
