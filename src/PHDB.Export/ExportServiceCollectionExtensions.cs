using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PHDB.Export.Writing;

namespace PHDB.Export;

/// <summary>Registers the export in a host.</summary>
public static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ExportRunner"/> with every format and <see cref="ExportOptions"/> bound to the <c>Export</c>
    /// section and validated on start. The host registers the <c>NpgsqlDataSource</c>.
    /// </summary>
    public static IServiceCollection AddPhdbExport(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>()
        );
        foreach (var format in ExportFormatRegistry.All)
        {
            services.AddSingleton<IExportFormat>(format);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ExportRunner(
            sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetServices<IExportFormat>(),
            sp.GetRequiredService<IOptions<ExportOptions>>().Value,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ExportRunner>>(),
            sp.GetRequiredService<TimeProvider>()
        ));
        return services;
    }
}
