namespace PHDB.Grains.Harvest.Events;

/// <summary>The API answered 429 to an application.</summary>
/// <param name="Application">Fingerprint of the application.</param>
/// <param name="ResetIn">Time until its budget resets.</param>
[GenerateSerializer, Immutable, Alias("phdb.RateLimitHit")]
public sealed record RateLimitHit(
    DateTimeOffset At,
    [property: Id(0)] string Application,
    [property: Id(1)] TimeSpan ResetIn
) : HarvestEvent(At);
