using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PHDB.ProductHunt;

namespace PHDB.Grains.Harvest;

/// <summary>
/// The API applications of this silo: the configured client, plus one client per additional token sharing its
/// settings (base address, timeouts, resilience).
/// </summary>
public sealed class ApiApplications : IDisposable
{
    private readonly List<ProductHuntClient> owned = [];

    /// <summary>Builds the applications from the primary client and the additional tokens.</summary>
    public ApiApplications(
        IProductHuntClient primary,
        IOptions<ProductHuntOptions> primaryOptions,
        IOptions<ApiApplicationsOptions> applications,
        IHttpClientFactory httpClients,
        TimeProvider timeProvider,
        ILoggerFactory loggers,
        ProductHuntTelemetry telemetry
    )
    {
        ArgumentNullException.ThrowIfNull(primaryOptions);
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(httpClients);
        var all = new List<ApiApplication>
        {
            new(
                ApiTokenFingerprint.Of(primaryOptions.Value),
                primary,
                ApiTokenFingerprint.HintOf(primaryOptions.Value)
            ),
        };
        foreach (var token in applications.Value.AdditionalTokens.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct())
        {
            var options = Clone(primaryOptions.Value, token);
            var fingerprint = ApiTokenFingerprint.Of(options);
            if (all.Any(a => a.Fingerprint == fingerprint))
            {
                continue;
            }

            var client = new ProductHuntClient(
                httpClients.CreateClient(ProductHuntServiceCollectionExtensions.HttpClientName),
                Options.Create(options),
                timeProvider,
                loggers.CreateLogger<ProductHuntClient>(),
                telemetry
            );
            owned.Add(client);
            all.Add(new ApiApplication(fingerprint, client, ApiTokenFingerprint.HintOf(options)));
        }

        All = all;
    }

    /// <summary>Every application, the primary one first.</summary>
    public IReadOnlyList<ApiApplication> All { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in owned)
        {
            client.Dispose();
        }
    }

    private static ProductHuntOptions Clone(ProductHuntOptions source, string token) =>
        new()
        {
            BaseAddress = source.BaseAddress,
            Token = token,
            AttemptTimeout = source.AttemptTimeout,
            MaxRetries = source.MaxRetries,
            RetryBaseDelay = source.RetryBaseDelay,
            BreakerFailureRatio = source.BreakerFailureRatio,
            BreakerMinimumThroughput = source.BreakerMinimumThroughput,
            BreakerSamplingDuration = source.BreakerSamplingDuration,
            BreakerBreakDuration = source.BreakerBreakDuration,
            MaxComplexity = source.MaxComplexity,
            MaxPageSize = source.MaxPageSize,
            MaxAliasesPerRequest = source.MaxAliasesPerRequest,
        };
}
