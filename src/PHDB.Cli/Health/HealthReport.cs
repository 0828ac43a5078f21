namespace PHDB.Cli.Health;

/// <summary>The shape of <c>phdb health --json</c>: the overall verdict and every check.</summary>
/// <param name="Status"><c>healthy</c>, <c>degraded</c> (a check warns) or <c>unhealthy</c> (a check fails).</param>
/// <param name="Checks">Every check, in a fixed order.</param>
internal sealed record HealthReport(string Status, IReadOnlyList<HealthCheckResult> Checks)
{
    public static HealthReport Of(IReadOnlyList<HealthCheckResult> checks) =>
        new(
            checks.Any(c => c.Status == HealthState.Fail) ? "unhealthy"
                : checks.Any(c => c.Status == HealthState.Warn) ? "degraded"
                : "healthy",
            checks
        );

    /// <summary>0 healthy, 2 degraded, 1 unhealthy (as the original tool).</summary>
    public int ExitCode =>
        Status switch
        {
            "healthy" => ExitCodes.Ok,
            "degraded" => ExitCodes.Degraded,
            _ => ExitCodes.Failure,
        };
}
