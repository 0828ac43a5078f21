namespace PHDB.Grains.Harvest;

/// <summary>
/// Further API applications to harvest with, beside the one of <c>ProductHunt:Token</c> (section <c>ProductHunt</c>,
/// key <c>AdditionalTokens</c>). Each token is its own application with its own rate budget; the workers use all of
/// them in parallel.
/// </summary>
public sealed class ApiApplicationsOptions
{
    /// <summary>Developer tokens of further applications.</summary>
    public List<string> AdditionalTokens { get; set; } = [];
}
