namespace PHDB.ProductHunt;

/// <summary>The application's rate-limit budget is spent (HTTP 429); nothing is served before <see cref="ResetAt"/>.</summary>
public sealed class ProductHuntRateLimitException(
    string message,
    RateLimitSnapshot budget,
    TimeSpan resetIn,
    DateTimeOffset resetAt
) : ProductHuntApiException(message, 429)
{
    /// <summary>The budget the answer reported.</summary>
    public RateLimitSnapshot Budget { get; } = budget;

    /// <summary>Time until the window resets, from the body's <c>reset_in</c> (or the reset header).</summary>
    public TimeSpan ResetIn { get; } = resetIn;

    /// <summary>When the window resets.</summary>
    public DateTimeOffset ResetAt { get; } = resetAt;
}
