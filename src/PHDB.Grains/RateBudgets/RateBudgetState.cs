namespace PHDB.Grains.RateBudgets;

/// <summary>The persistent state of one rate budget.</summary>
[GenerateSerializer, Alias("phdb.RateBudgetState")]
public sealed class RateBudgetState
{
    /// <summary>Points per window, as last reported.</summary>
    [Id(0)]
    public int? Limit { get; set; }

    /// <summary>Length of a window, learned from the first response of a window.</summary>
    [Id(1)]
    public TimeSpan? WindowLength { get; set; }

    /// <summary>Points left after the last reported request was charged.</summary>
    [Id(2)]
    public int Remaining { get; set; }

    /// <summary>When the current window resets; <see langword="null"/> when no window is open.</summary>
    [Id(3)]
    public DateTimeOffset? WindowEndsAt { get; set; }

    /// <summary>Set by a 429: nothing is sent before this moment.</summary>
    [Id(4)]
    public DateTimeOffset? RateLimitedUntil { get; set; }

    /// <summary>The moment of the last slot handed out.</summary>
    [Id(5)]
    public DateTimeOffset LastSlotAt { get; set; }

    /// <summary>Slots handed out and not yet reported, with the moment they expire.</summary>
    [Id(6)]
    public Dictionary<long, DateTimeOffset> InFlight { get; set; } = [];

    /// <summary>Id of the next slot.</summary>
    [Id(7)]
    public long NextSlotId { get; set; } = 1;

    /// <summary>Requests reported in the current window.</summary>
    [Id(8)]
    public int RequestsThisWindow { get; set; }

    /// <summary>429 answers received.</summary>
    [Id(9)]
    public long RateLimitHits { get; set; }

    /// <summary>The last four characters of the application's token, for display.</summary>
    [Id(10)]
    public string? TokenHint { get; set; }

    /// <summary>When a slot was last asked for; persisted with the window, so a budget no longer used shows as idle.</summary>
    [Id(11)]
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>
    /// Points a request costs, learned from the budgets the responses of the last window that showed it reported
    /// (<see cref="WindowCharges"/>); null until a window ended having shown one. Kept across windows.
    /// </summary>
    [Id(14)]
    public double? LearnedCost { get; set; }

    /// <summary>The end of the window last closed, to tell its late answers from those of the next window.</summary>
    [Id(15)]
    public DateTimeOffset? ClosedWindowEndsAt { get; set; }

    /// <summary>
    /// The moments of the slots handed out lately (sent, or still to be sent), by slot id: however the API's windows
    /// fall, no span of a window plus the send delay holds more than a window's requests.
    /// </summary>
    [Id(16)]
    public Dictionary<long, DateTimeOffset> RecentSlots { get; set; } = [];

    /// <summary>What the answers of the current window showed of the price of a request.</summary>
    [Id(17)]
    public WindowCharges Charges { get; set; } = new();
}
