using Microsoft.Extensions.Configuration;

namespace PHDB.AppHost;

/// <summary>
/// What the silos need to publish to Kaggle: the <c>Kaggle</c>, <c>Publishing</c> and <c>Export</c> settings, the
/// exports directory, and the credentials as secret parameters (<c>kaggle-api-token</c>, or <c>kaggle-username</c>
/// with <c>kaggle-key</c>) when they are set. Without them the silos read Kaggle's own places
/// (<c>KAGGLE_API_TOKEN</c>, <c>~/.kaggle</c>, …).
/// </summary>
internal static class KaggleResources
{
    private static readonly HashSet<string> SecretKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Kaggle:ApiToken",
        "Kaggle:Key",
    };

    /// <summary>Hands the settings and credentials to <paramref name="project"/>.</summary>
    public static IResourceBuilder<ProjectResource> WithKagglePublishing(
        this IResourceBuilder<ProjectResource> project,
        IDistributedApplicationBuilder builder,
        string exportsDirectory
    )
    {
        foreach (var (key, value) in builder.Configuration.GetSection("Kaggle").AsEnumerable(makePathsRelative: false))
        {
            // Secrets set as plain configuration are not forwarded: they travel only as secret parameters.
            if (value is not null && !SecretKeys.Contains(key))
            {
                project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        project
            .WithConfigurationSection(builder.Configuration, "Publishing")
            .WithConfigurationSection(builder.Configuration, "Export")
            .WithEnvironment("Export__Directory", exportsDirectory);
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Parameters:kaggle-api-token"]))
        {
            project.WithEnvironment("Kaggle__ApiToken", builder.AddParameter("kaggle-api-token", secret: true));
        }

        if (
            !string.IsNullOrWhiteSpace(builder.Configuration["Parameters:kaggle-username"])
            && !string.IsNullOrWhiteSpace(builder.Configuration["Parameters:kaggle-key"])
        )
        {
            project
                .WithEnvironment("Kaggle__Username", builder.AddParameter("kaggle-username"))
                .WithEnvironment("Kaggle__Key", builder.AddParameter("kaggle-key", secret: true));
        }

        return project;
    }
}
