namespace PHDB.Cli.Health;

/// <summary>The verdict of one health check.</summary>
internal enum HealthState
{
    /// <summary>All is well.</summary>
    Pass,

    /// <summary>Works, but needs attention soon.</summary>
    Warn,

    /// <summary>Does not work.</summary>
    Fail,
}
