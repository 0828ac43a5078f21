namespace PHDB.Cli.Interactive;

/// <summary>The user pressed Esc at a prompt: leave the menu.</summary>
internal sealed class EscapePressedException : Exception
{
    public EscapePressedException()
        : base("Esc pressed.") { }

    public EscapePressedException(string message)
        : base(message) { }

    public EscapePressedException(string message, Exception innerException)
        : base(message, innerException) { }
}
