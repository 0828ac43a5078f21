using PHDB.Simulator.Configuration;

namespace PHDB.Simulator.Api;

/// <summary>A configured API application: its settings, its owner in the world and its rate-limit budget.</summary>
internal sealed class ClientApplication(ApplicationOptions options, int ownerIndex, long ownerId, RateBudget budget)
{
    public ApplicationOptions Options { get; } = options;

    public string Name => Options.Name;

    /// <summary>World index of the owning user (the viewer of its developer token).</summary>
    public int OwnerIndex { get; } = ownerIndex;

    public long OwnerId { get; } = ownerId;

    public RateBudget Budget { get; } = budget;

    /// <summary>The <c>utm_*</c> query string the API appends to post URLs for this application.</summary>
    public string UtmQuery { get; } =
        "utm_campaign=producthunt-api&utm_medium=api-v2&utm_source="
        + Uri.EscapeDataString($"Application: {options.Name} (ID: {options.ApplicationId})")
            .Replace("%20", "+", StringComparison.Ordinal);
}
