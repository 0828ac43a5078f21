using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PHDB.Export;
using PHDB.Kaggle;

namespace PHDB.Publishing;

/// <summary>Registers publishing in a host.</summary>
public static class PublishingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PublicationRunner"/> and <see cref="PublicationHistory"/>, with <see cref="PublishingOptions"/>
    /// (section <c>Publishing</c>) and <see cref="KaggleOptions"/> (section <c>Kaggle</c>) bound and validated on
    /// start, and the export when the host has not added it. Credentials are looked up when a publication needs
    /// them, where Kaggle's own client looks. The host registers the <c>NpgsqlDataSource</c>.
    /// </summary>
    public static IServiceCollection AddPhdbPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services
            .AddOptions<PublishingOptions>()
            .Configure(o => configuration.GetSection(PublishingOptions.Section).BindPublishing(o))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PublishingOptions>, PublishingOptionsValidator>()
        );
        services.AddOptions<KaggleOptions>().Bind(configuration.GetSection(KaggleOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<KaggleOptions>, KaggleOptionsValidator>()
        );
        if (!services.Any(d => d.ServiceType == typeof(ExportRunner)))
        {
            services.AddPhdbExport();
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new PublicationHistory(
            sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<TimeProvider>()
        ));
        services.TryAddSingleton(sp =>
        {
            var kaggle = sp.GetRequiredService<IOptions<KaggleOptions>>().Value;
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return new PublicationRunner(
                sp.GetRequiredService<NpgsqlDataSource>(),
                sp.GetRequiredService<ExportRunner>(),
                sp.GetRequiredService<IOptions<ExportOptions>>().Value,
                kaggle,
                sp.GetRequiredService<IOptions<PublishingOptions>>().Value,
                () => KaggleCredentialLocator.Find(kaggle, Environment.GetEnvironmentVariable, home),
                sp.GetRequiredService<ILoggerFactory>(),
                sp.GetRequiredService<TimeProvider>()
            );
        });
        return services;
    }

    /// <summary>
    /// Binds the section; a configured <c>Publishing:Formats</c> list replaces the default one (the binder alone
    /// would append to it).
    /// </summary>
    public static void BindPublishing(this IConfigurationSection section, PublishingOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        section.Bind(options);
        var formats = section.GetSection(nameof(PublishingOptions.Formats));
        var configured = formats.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (configured.Count == 0 && formats.Value is { } single)
        {
            configured = [.. single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        if (configured.Count > 0)
        {
            options.Formats.Clear();
            foreach (var format in configured)
            {
                options.Formats.Add(format);
            }
        }
    }
}
