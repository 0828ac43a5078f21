namespace PHDB.Grains.Plugins;

/// <summary>The silos' latest plugin reports, in memory (see <see cref="IProcessorPluginsGrain"/>).</summary>
public sealed class ProcessorPluginsGrain(TimeProvider timeProvider) : Grain, IProcessorPluginsGrain
{
    private readonly Dictionary<string, SiloPlugins> reports = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task Report(SiloPlugins report)
    {
        ArgumentNullException.ThrowIfNull(report);
        reports[report.Silo] = report;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SiloPlugins>> GetReports()
    {
        var oldest = timeProvider.GetUtcNow() - IProcessorPluginsGrain.ReportLifetime;
        foreach (var stale in reports.Values.Where(r => r.ReportedAt < oldest).ToList())
        {
            reports.Remove(stale.Silo);
        }

        return Task.FromResult<IReadOnlyList<SiloPlugins>>([
            .. reports.Values.OrderBy(r => r.Silo, StringComparer.Ordinal),
        ]);
    }
}
