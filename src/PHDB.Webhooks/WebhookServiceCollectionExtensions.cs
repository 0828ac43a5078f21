using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PHDB.Webhooks;

/// <summary>Registers the webhook settings (<c>Events</c>, validated on start) and the <see cref="WebhookSender"/>.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>Adds <see cref="WebhookOptions"/> from <paramref name="configuration"/> and the sender with its own HttpClient.</summary>
    public static IServiceCollection AddWebhookSender(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services
            .AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .PostConfigure(options =>
            {
                for (var i = 0; i < options.Webhooks.Count; i++)
                {
                    if (string.IsNullOrWhiteSpace(options.Webhooks[i].Name))
                    {
                        options.Webhooks[i].Name = $"webhook-{i}";
                    }
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new WebhookTelemetry(
            provider.GetService<System.Diagnostics.Metrics.IMeterFactory>()
        ));
        // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out.
#pragma warning disable EXTEXP0001
        services
            .AddHttpClient(WebhookSender.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The sender's pipeline is the only retry layer: a hidden one beneath it would break its backoff and count.
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.TryAddSingleton(provider => new WebhookSender(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookSender.HttpClientName),
            provider.GetRequiredService<IOptions<WebhookOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<WebhookTelemetry>(),
            provider.GetRequiredService<ILogger<WebhookSender>>()
        ));
        return services;
    }
}
