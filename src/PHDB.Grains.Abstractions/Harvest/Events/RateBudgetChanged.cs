using PHDB.Grains.RateBudgets;

namespace PHDB.Grains.Harvest.Events;

/// <summary>An application's rate budget moved; published at most about once a second per application.</summary>
/// <param name="Application">Fingerprint of the application.</param>
/// <param name="Status">The budget now.</param>
[GenerateSerializer, Immutable, Alias("phdb.RateBudgetChanged")]
public sealed record RateBudgetChanged(
    DateTimeOffset At,
    [property: Id(0)] string Application,
    [property: Id(1)] RateBudgetStatus Status
) : HarvestEvent(At);
