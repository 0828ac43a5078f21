using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PHDB.Admin.Cluster;

/// <summary>Degraded while the console has not heard from the cluster recently (the pages still answer).</summary>
internal sealed class ClusterReachableHealthCheck(ClusterMonitor monitor, TimeProvider timeProvider) : IHealthCheck
{
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(30);

    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        if (monitor.Latest is not { } snapshot || monitor.LastHeardAt is not { } heard)
        {
            return Task.FromResult(HealthCheckResult.Degraded("The cluster has not been read yet."));
        }

        var age = timeProvider.GetUtcNow() - heard;
        return Task.FromResult(
            age < Stale
                ? HealthCheckResult.Healthy($"{snapshot.ActiveSilos} active silo(s)")
                : HealthCheckResult.Degraded($"The cluster was last read {age.TotalSeconds:F0} s ago.")
        );
    }
}
