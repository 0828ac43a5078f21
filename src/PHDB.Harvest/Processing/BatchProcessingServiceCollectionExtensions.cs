using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PHDB.Harvest.Processing;

/// <summary>Registers the batch pipeline and the processors PHDB ships.</summary>
public static class BatchProcessingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BatchPipeline"/> with the <see cref="Sanitiser"/> and the <see cref="QualityChecks"/>.
    /// Register further <see cref="IBatchProcessor"/>s to extend it.
    /// </summary>
    public static IServiceCollection AddBatchProcessing(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBatchProcessor, Sanitiser>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBatchProcessor, QualityChecks>());
        services.TryAddSingleton<BatchPipeline>();
        return services;
    }
}
