namespace PHDB.Grains.RateBudgets;

/// <summary>The persistent state of the rate budget directory.</summary>
[GenerateSerializer, Alias("phdb.RateBudgetDirectoryState")]
public sealed class RateBudgetDirectoryState
{
    /// <summary>Fingerprints of the applications with a budget, in the order they appeared.</summary>
    [Id(0)]
    public List<string> Applications { get; set; } = [];
}
