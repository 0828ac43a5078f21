using PHDB.Grains.RateBudgets;

namespace PHDB.Operations;

/// <summary>
/// Whether a rate budget is in use: a budget no request asked a slot of for <see cref="HarvestFeedOptions.IdleBudgetAfter"/>
/// (e.g. the token of an earlier run) is idle; the console and <c>phdb status</c> fold it away and the ETA ignores it.
/// </summary>
public static class BudgetActivity
{
    /// <summary>How long a budget may go unused before it is idle, unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultIdleAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// Whether <paramref name="budget"/> is idle at <paramref name="now"/>: nothing in flight, no window open, no 429
    /// pending, and no slot asked for within <paramref name="idleAfter"/> (or never, as far as its state tells).
    /// </summary>
    public static bool IsIdle(RateBudgetStatus budget, DateTimeOffset now, TimeSpan idleAfter)
    {
        ArgumentNullException.ThrowIfNull(budget);
        if (budget.InFlight > 0 || budget.WindowEndsAt > now || budget.RateLimitedUntil > now)
        {
            return false;
        }

        return budget.LastUsedAt is not { } used || now - used >= idleAfter;
    }
}
