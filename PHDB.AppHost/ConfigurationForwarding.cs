using Microsoft.Extensions.Configuration;

namespace PHDB.AppHost;

/// <summary>Hands a section of the AppHost's configuration to a service, as environment variables.</summary>
internal static class ConfigurationForwarding
{
    /// <summary>
    /// Every value under <paramref name="section"/> (e.g. <c>Simulator:Scale</c>) becomes the service's
    /// environment variable of the same path (<c>Simulator__Scale</c>), so the service can be tuned from the
    /// AppHost's command line, environment or appsettings.
    /// </summary>
    public static IResourceBuilder<T> WithConfigurationSection<T>(
        this IResourceBuilder<T> resource,
        IConfiguration configuration,
        string section
    )
        where T : IResourceWithEnvironment
    {
        foreach (var (key, value) in configuration.GetSection(section).AsEnumerable(makePathsRelative: false))
        {
            if (value is not null)
            {
                resource.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        return resource;
    }
}
