namespace PHDB.AppHost;

/// <summary>
/// The dashboard's "Publish now" and "Publish dry run" commands on the silos: each posts to a silo's
/// <c>/publications/*</c> endpoint (any replica: the publisher grain is cluster-wide) with the silos' control key.
/// </summary>
internal static class PublishCommands
{
    /// <summary>Adds both commands, authenticated with the silos' control <paramref name="key"/>.</summary>
    public static IResourceBuilder<ProjectResource> WithPublishCommands(
        this IResourceBuilder<ProjectResource> silos,
        IResourceBuilder<ParameterResource> key
    )
    {
        HttpCommandOptions Options(string description, string icon, string? confirmation = null) =>
            ControlCommandOptions.Create(key, description, icon, confirmation);

        return silos
            .WithHttpCommand(
                "/publications/run",
                "Publish now",
                "http",
                "publish-now",
                Options(
                    "Exports and publishes a new version of the Kaggle dataset unless a publication runs.",
                    "CloudArrowUp",
                    "Publish a new version of the Kaggle dataset now?"
                )
            )
            .WithHttpCommand(
                "/publications/dry-run",
                "Publish dry run",
                "http",
                "publish-dry-run",
                Options("Exports and validates what a publication would send; sends nothing.", "DocumentSearch")
            );
    }
}
