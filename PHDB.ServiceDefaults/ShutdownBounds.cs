namespace Microsoft.Extensions.Hosting;

/// <summary>
/// How long a PHDB process may take to stop, whatever state its dependencies are in: every stop (SIGTERM, SIGINT,
/// a stop from the AppHost) ends the process within <see cref="Deadline"/> (<see cref="ExitDeadline"/> once its services
/// stopped).
/// </summary>
public static class ShutdownBounds
{
    /// <summary>The time the host gives its services to stop gracefully before it cancels their stop.</summary>
    public static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(7);

    /// <summary>
    /// The time from the start of a stop after which the process ends regardless (<see cref="ShutdownWatchdog"/>):
    /// longer than <see cref="GracefulStop"/>, shorter than the 15 seconds every stop must take at most.
    /// </summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The time from the start of a stop after which a process whose services did stop ends regardless: what follows
    /// the stop (disposing the host, which flushes telemetry, each export bounded at 3 s, and the rest of
    /// <c>Main</c>) gets until then, still within the 15 seconds every stop must take at most.
    /// </summary>
    public static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(12);
}
