namespace PHDB.Cli.Health;

/// <summary>One check of <c>phdb health</c>.</summary>
/// <param name="Name">database, api, cluster or disk.</param>
/// <param name="Status">Its verdict.</param>
/// <param name="Message">What was found, in one line.</param>
/// <param name="DurationMs">How long the check took.</param>
internal sealed record HealthCheckResult(string Name, HealthState Status, string Message, double DurationMs);
