namespace PHDB.Cli;

/// <summary>
/// An error the user can act on: <see cref="Exception.Message"/> is the one line that says what happened and what to
/// do, <see cref="ExitCode"/> the process's exit code. The stack trace is shown only with <c>--verbose</c>.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException) => ExitCode = exitCode;

    public CliException()
        : this(ExitCodes.Failure, "phdb failed.") { }

    public CliException(string message)
        : this(ExitCodes.Failure, message) { }

    public CliException(string message, Exception innerException)
        : this(ExitCodes.Failure, message, innerException) { }

    /// <summary>The exit code (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);

    public static CliException Unavailable(string message, Exception? inner = null) =>
        new(ExitCodes.Unavailable, message, inner);

    public static CliException Configuration(string message, Exception? inner = null) =>
        new(ExitCodes.Configuration, message, inner);
}
