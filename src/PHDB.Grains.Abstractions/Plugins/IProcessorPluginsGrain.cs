namespace PHDB.Grains.Plugins;

/// <summary>
/// What each silo's processor plugins did (key 0): every silo reports its own every few seconds; the console reads
/// them all. Kept in memory only: a silo that stops reporting is left out after <see cref="ReportLifetime"/>.
/// </summary>
[Alias("phdb.IProcessorPluginsGrain")]
public interface IProcessorPluginsGrain : IGrainWithIntegerKey
{
    /// <summary>How often a silo reports.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(10);

    /// <summary>How long a report stands without a newer one from its silo.</summary>
    public static readonly TimeSpan ReportLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Takes in a silo's report, replacing its last one.</summary>
    [Alias("Report")]
    Task Report(SiloPlugins report);

    /// <summary>The reports of the silos that reported within <see cref="ReportLifetime"/>, by silo.</summary>
    [Alias("GetReports")]
    Task<IReadOnlyList<SiloPlugins>> GetReports();
}
