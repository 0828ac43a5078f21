namespace PHDB.AppHost;

/// <summary>The options of a dashboard command that posts to a service's control endpoint with its control key.</summary>
internal static class ControlCommandOptions
{
    /// <summary>The header the services' control endpoints check.</summary>
    public const string KeyHeader = "X-PHDB-Control-Key";

    /// <summary>A command answering JSON, whose request carries <paramref name="key"/> in <see cref="KeyHeader"/>.</summary>
    public static HttpCommandOptions Create(
        IResourceBuilder<ParameterResource> key,
        string description,
        string icon,
        string? confirmation = null
    ) =>
        new()
        {
            Description = description,
            IconName = icon,
            ConfirmationMessage = confirmation,
            ResultMode = HttpCommandResultMode.Json,
            PrepareRequest = async context =>
                context.Request.Headers.Add(KeyHeader, await key.Resource.GetValueAsync(context.CancellationToken)),
        };
}
