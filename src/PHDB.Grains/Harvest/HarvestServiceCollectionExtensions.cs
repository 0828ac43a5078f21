using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using PHDB.Grains.Plugins;
using PHDB.Grains.Webhooks;
using PHDB.Harvest.Processing;
using PHDB.ProductHunt;
using PHDB.Storage;
using PHDB.Webhooks;

namespace PHDB.Grains.Harvest;

/// <summary>Registers what a silo needs to harvest: the API client, storage, the batch pipeline and the workers.</summary>
public static class HarvestServiceCollectionExtensions
{
    /// <summary>
    /// Adds the harvest: options (<c>Harvest</c>, <c>Harvest:Worker</c>, <c>ProductHunt</c>) validated on start,
    /// the API client, the PostgreSQL data source of <c>ConnectionStrings:phdb</c>, the batch writer and bookkeeping,
    /// the batch processors and plugins (reported to the console), telemetry and the <see cref="HarvestWorker"/>s.
    /// </summary>
    public static IServiceCollection AddPhdbHarvest(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services
            .AddOptions<HarvestOptions>()
            .BindConfiguration(HarvestOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services
            .AddOptions<HarvestWorkerOptions>()
            .BindConfiguration(HarvestWorkerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddProductHuntClient(configuration);
        services.AddWebhookSender(configuration);
        services.TryAddSingleton<WebhookRelay>();
        services.AddOptions<ApiApplicationsOptions>().BindConfiguration(ProductHuntOptions.SectionName);
        services.TryAddSingleton<ApiApplications>();
        services.TryAddSingleton(_ =>
            PostgresConnectionResilience.CreateDataSource(PhdbConnectionString.Require(configuration))
        );
        services.TryAddSingleton<HarvestBatchWriter>();
        services.TryAddSingleton(sp => new HarvestBookkeeping(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<TimeProvider>()
        ));
        services.AddBatchProcessing();
        services.AddProcessorPlugins();
        services.AddMetrics();
        services.TryAddSingleton<HarvestTelemetry>();
        services.TryAddSingleton<HarvestBatchCommitter>();
        services.AddHostedService<HarvestWorker>();
        services.AddHostedService<ProcessorPluginReporter>();
        return services;
    }
}
