using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PHDB.ProductHunt;

/// <summary>Registers the Product Hunt client.</summary>
public static class ProductHuntServiceCollectionExtensions
{
    /// <summary>The name of the client's <see cref="HttpClient"/>.</summary>
    public const string HttpClientName = "PHDB.ProductHunt";

    /// <summary>
    /// Registers <see cref="IProductHuntClient"/> with options bound from the <c>ProductHunt</c> section and validated on
    /// start, over a pooled <see cref="SocketsHttpHandler"/> (HTTP/2 where offered). Resilience is the client's own
    /// Polly pipeline; resilience handlers added to every client (a host's defaults) are removed from this one, so no
    /// other layer retries.
    /// </summary>
    public static IServiceCollection AddProductHuntClient(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services
            .AddOptions<ProductHuntOptions>()
            .Bind(configuration.GetSection(ProductHuntOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ProductHuntTelemetry(provider.GetService<IMeterFactory>()));
        // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out.
#pragma warning disable EXTEXP0001
        services
            .AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestVersion = HttpVersion.Version20;
                client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
            })
            .ConfigurePrimaryHttpMessageHandler(() => CreateHandler())
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Hosts add a standard resilience handler to every client by default; beneath the client's own pipeline it
            // would retry out of sight of the rate budget, and every hidden retry is charged by the API.
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.TryAddSingleton<IProductHuntClient>(provider => new ProductHuntClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<ProductHuntOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ProductHuntClient>>(),
            provider.GetRequiredService<ProductHuntTelemetry>()
        ));
        return services;
    }

    /// <summary>A pooled handler: connections are recycled every few minutes so DNS changes are seen.</summary>
    public static SocketsHttpHandler CreateHandler() =>
        new()
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            EnableMultipleHttp2Connections = true,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
}
