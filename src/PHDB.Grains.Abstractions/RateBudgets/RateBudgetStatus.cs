namespace PHDB.Grains.RateBudgets;

/// <summary>A rate budget as its grain sees it now, for the console and metrics.</summary>
/// <param name="Limit">Points per window (the API's last word, or the configured default).</param>
/// <param name="Remaining">Points the grain believes are left, after the requests still in flight.</param>
/// <param name="WindowEndsAt">When the current window resets, if a window is open.</param>
/// <param name="RateLimitedUntil">Set after a 429: no slot before this moment.</param>
/// <param name="InFlight">Slots handed out whose outcome has not been reported.</param>
/// <param name="RequestsThisWindow">Requests reported in the current window.</param>
/// <param name="RateLimitHits">429 answers since the grain was created.</param>
/// <param name="WindowLength">Length of a window (learned from the API, or the configured default).</param>
/// <param name="CostPerRequest">Points one request costs.</param>
/// <param name="LastUsedAt">When a request last asked for a slot, if ever (budgets of tokens no longer used go idle).</param>
/// <param name="TokenHint">The last four characters of the application's token, the only part ever shown.</param>
/// <param name="SendAllowance">
/// How late a request may be sent after its slot opens: a window's requests are handed out over a window plus this.
/// </param>
[GenerateSerializer, Immutable, Alias("phdb.RateBudgetStatus")]
public sealed record RateBudgetStatus(
    [property: Id(0)] int Limit,
    [property: Id(1)] int Remaining,
    [property: Id(2)] DateTimeOffset? WindowEndsAt,
    [property: Id(3)] DateTimeOffset? RateLimitedUntil,
    [property: Id(4)] int InFlight,
    [property: Id(5)] int RequestsThisWindow,
    [property: Id(6)] long RateLimitHits,
    [property: Id(7)] string? TokenHint = null,
    [property: Id(8)] TimeSpan WindowLength = default,
    [property: Id(9)] int CostPerRequest = 0,
    [property: Id(10)] DateTimeOffset? LastUsedAt = null,
    [property: Id(11)] TimeSpan SendAllowance = default
)
{
    /// <summary>The requests a second the budget hands out at most: a window's over a window plus the send allowance.</summary>
    public double RequestsPerSecond =>
        CostPerRequest > 0 && WindowLength > TimeSpan.Zero
            ? (double)Limit / CostPerRequest / (WindowLength + SendAllowance).TotalSeconds
            : 0;
}
