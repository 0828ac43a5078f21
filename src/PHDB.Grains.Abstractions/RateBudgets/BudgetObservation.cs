namespace PHDB.Grains.RateBudgets;

/// <summary>
/// What one API response said about its application's rate budget (the <c>X-Rate-Limit-*</c> headers), which
/// show the budget <em>before</em> that request's cost was taken off.
/// </summary>
/// <param name="Limit">Points per window.</param>
/// <param name="Remaining">Points left before this request was charged.</param>
/// <param name="ResetIn">Time until the window resets.</param>
/// <param name="ObservedAt">When the response arrived.</param>
/// <param name="TokenHint">The last four characters of the application's token, for display.</param>
[GenerateSerializer, Immutable, Alias("phdb.BudgetObservation")]
public sealed record BudgetObservation(
    [property: Id(0)] int Limit,
    [property: Id(1)] int Remaining,
    [property: Id(2)] TimeSpan ResetIn,
    [property: Id(3)] DateTimeOffset ObservedAt,
    [property: Id(4)] string? TokenHint = null
);
