namespace PHDB.Grains.RateBudgets;

/// <summary>One answer of a window, as its charges tell the price: when it came back and the window's spend before it.</summary>
/// <param name="At">When the answer arrived.</param>
/// <param name="Spend">Points the window had spent before its request was charged.</param>
[GenerateSerializer, Immutable, Alias("phdb.WindowAnswer")]
public readonly record struct WindowAnswer([property: Id(0)] DateTimeOffset At, [property: Id(1)] int Spend);
