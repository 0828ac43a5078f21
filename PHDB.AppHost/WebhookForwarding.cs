using Microsoft.Extensions.Configuration;
using PHDB.Runtime;

namespace PHDB.AppHost;

/// <summary>Hands the webhook subscribers (<c>Events</c>) to the silos, their secrets as secret parameters.</summary>
internal static class WebhookForwarding
{
    /// <summary>
    /// Every value under <c>Events</c> becomes the silos' environment variable of the same path; a secret (a
    /// subscriber's <c>Secret</c>) goes through a secret parameter, so the dashboard masks it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithEventWebhooks(
        this IResourceBuilder<ProjectResource> silos,
        IDistributedApplicationBuilder builder
    )
    {
        foreach (var (key, value) in builder.Configuration.GetSection("Events").AsEnumerable(makePathsRelative: false))
        {
            if (value is null)
            {
                continue;
            }

            var variable = key.Replace(":", "__", StringComparison.Ordinal);
            if (SecretSettings.IsSecret(key))
            {
                var name = key.Replace(':', '-').ToLowerInvariant();
                silos.WithEnvironment(variable, builder.AddParameter(name, value, secret: true));
            }
            else
            {
                silos.WithEnvironment(variable, value);
            }
        }

        return silos;
    }
}
