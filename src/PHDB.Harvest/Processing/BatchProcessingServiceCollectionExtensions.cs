using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PHDB.Harvest.Plugins;

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

    /// <summary>
    /// Adds the processor plugins of <c>Harvest:Plugins:Directory</c> to the pipeline (<see cref="ProcessorPlugins"/>),
    /// their options (<see cref="ProcessorPluginOptions"/>) validated on start.
    /// </summary>
    public static IServiceCollection AddProcessorPlugins(this IServiceCollection services)
    {
        services
            .AddOptions<ProcessorPluginOptions>()
            .BindConfiguration(ProcessorPluginOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ProcessorPlugins>();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IBatchProcessorSource, ProcessorPlugins>(sp =>
                sp.GetRequiredService<ProcessorPlugins>()
            )
        );
        return services;
    }
}
