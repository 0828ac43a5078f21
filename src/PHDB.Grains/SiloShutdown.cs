namespace PHDB.Grains;

/// <summary>
/// How long a silo's stop waits on what may not answer, so that it fits inside the host's graceful stop (7 s,
/// <c>ShutdownBounds</c> in the service defaults).
/// </summary>
public static class SiloShutdown
{
    /// <summary>The wait for one activation to deactivate (its timers, its last state write).</summary>
    public static readonly TimeSpan DeactivationTimeout = TimeSpan.FromSeconds(3);
}
