namespace PHDB.Publishing;

/// <summary>Another publication holds the cluster-wide publication lock; this one did not start.</summary>
public sealed class PublicationBusyException : InvalidOperationException
{
    /// <summary>Creates the exception naming the publication under way, when it is known.</summary>
    public PublicationBusyException(PublicationRecord? running)
        : base(Describe(running)) => Running = running;

    /// <summary>Creates the exception.</summary>
    public PublicationBusyException()
        : this((PublicationRecord?)null) { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PublicationBusyException(string message)
        : base(message) { }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public PublicationBusyException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>The publication under way, when it is known.</summary>
    public PublicationRecord? Running { get; }

    private static string Describe(PublicationRecord? running) =>
        running is null
            ? "Another publication is running."
            : $"Another publication is running (publication {running.Id}"
                + (running.Dataset.Length > 0 ? $" of {running.Dataset}" : "")
                + $", since {running.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, on {running.Host}).";
}
