namespace PHDB.Harvest.Processing;

/// <summary>Processors known only once the host runs (loaded from plugin assemblies), added to the pipeline.</summary>
public interface IBatchProcessorSource
{
    /// <summary>The processors this source adds.</summary>
    IReadOnlyList<IBatchProcessor> Processors { get; }
}
