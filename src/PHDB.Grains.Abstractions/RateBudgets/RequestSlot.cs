namespace PHDB.Grains.RateBudgets;

/// <summary>Permission to send one API request, not before <see cref="NotBefore"/>.</summary>
/// <param name="Id">Identifies the slot when its outcome is reported.</param>
/// <param name="NotBefore">The earliest moment to send the request.</param>
[GenerateSerializer, Immutable, Alias("phdb.RequestSlot")]
public sealed record RequestSlot([property: Id(0)] long Id, [property: Id(1)] DateTimeOffset NotBefore);
