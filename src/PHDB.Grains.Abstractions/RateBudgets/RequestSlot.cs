namespace PHDB.Grains.RateBudgets;

/// <summary>
/// Permission to send one API request, not before <see cref="NotBefore"/> and not after <see cref="SendBy"/>: a
/// request sent later could fall into a window the budget has already filled, so it is not sent on this slot.
/// </summary>
/// <param name="Id">Identifies the slot when its outcome is reported.</param>
/// <param name="NotBefore">The earliest moment to send the request.</param>
/// <param name="SendBy">The latest moment to send the request.</param>
[GenerateSerializer, Immutable, Alias("phdb.RequestSlot")]
public sealed record RequestSlot(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset NotBefore,
    [property: Id(2)] DateTimeOffset SendBy
);
