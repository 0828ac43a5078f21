namespace PHDB.AppHost;

/// <summary>
/// Where the harvest reads from: the live Product Hunt API when the <c>producthunt-token</c> parameter has a value,
/// else the simulator this AppHost starts, with a token generated for this run (or with the configured token when
/// <c>Phdb:UseSimulator</c> is set).
/// </summary>
/// <param name="Token">The API token handed to the silos.</param>
/// <param name="Simulator">The simulator, when it stands in for the live API.</param>
internal sealed record ProductHuntApi(
    IResourceBuilder<ParameterResource> Token,
    IResourceBuilder<ProjectResource>? Simulator
)
{
    /// <summary>The live API's address: the silos' default when no simulator is handed to them.</summary>
    public static readonly Uri LiveBaseAddress = new("https://api.producthunt.com/");

    /// <summary>The address the silos harvest; the simulator's once its endpoint is allocated.</summary>
    public async ValueTask<Uri> BaseAddressAsync(CancellationToken cancellationToken) =>
        Simulator is { } simulator
            ? new Uri(await simulator.GetEndpoint("http").GetValueAsync(cancellationToken) ?? "")
            : LiveBaseAddress;
}
