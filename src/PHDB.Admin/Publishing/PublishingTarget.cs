using PHDB.Admin.Data;
using PHDB.Kaggle;

namespace PHDB.Admin.Publishing;

/// <summary>
/// What the Publishing page shows of the Kaggle settings: the API's host and the dataset id, nothing else. Only
/// <c>Kaggle:Endpoint</c> and <c>Kaggle:Dataset</c> are read, so no credential ever reaches the console's pages.
/// </summary>
/// <param name="EndpointHost">The host (and port) of <c>Kaggle:Endpoint</c>, or <see langword="null"/> when it is not an http(s) address.</param>
/// <param name="Dataset">The dataset of <c>Kaggle:Dataset</c> (<c>owner/slug</c>), or <see langword="null"/> when the export's metadata names it.</param>
public sealed record PublishingTarget(string? EndpointHost, string? Dataset)
{
    /// <summary>The target configured in <paramref name="configuration"/>; Kaggle's API host when no endpoint is set.</summary>
    public static PublishingTarget From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(KaggleOptions.Section);
        var endpoint = section[nameof(KaggleOptions.Endpoint)];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            endpoint = new KaggleOptions().Endpoint;
        }

        // Authority is the host and a non-default port: user information in the address is left out.
        var host = SafeUrl.AsHttp(endpoint)?.Authority;
        var dataset = section[nameof(KaggleOptions.Dataset)];
        return new PublishingTarget(host, string.IsNullOrWhiteSpace(dataset) ? null : dataset.Trim());
    }
}
