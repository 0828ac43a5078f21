namespace PHDB.IntegrationTests.RateBudgets;

/// <summary>
/// The live API's rate limit as a model: a lazy fixed window that opens with the first request after the last
/// one ended, headers that show the budget before the request's cost, requests allowed while the budget is above
/// zero, a 429 with the seconds to the reset otherwise (whole seconds, rounded up, as the API reports them).
/// </summary>
internal sealed class FixedWindowApi(int limit, Func<int> cost, TimeSpan window)
{
    /// <summary>An API that charges every request the same.</summary>
    public FixedWindowApi(int limit, int cost, TimeSpan window)
        : this(limit, () => cost, window) { }

    private DateTimeOffset? windowEnd;
    private int remaining;

    public int Served { get; private set; }

    public int RateLimited { get; private set; }

    /// <summary>Points charged in each window, in the order of <see cref="Windows"/>.</summary>
    public List<int> Charged { get; } = [];

    public List<(DateTimeOffset Start, int Requests)> Windows { get; } = [];

    public (int Limit, int Remaining, TimeSpan ResetIn)? Call(DateTimeOffset at)
    {
        if (windowEnd is not { } end || at >= end)
        {
            windowEnd = at + window;
            remaining = limit;
            Windows.Add((at, 0));
            Charged.Add(0);
        }

        if (remaining <= 0)
        {
            RateLimited++;
            return null;
        }

        var before = remaining;
        var charge = cost();
        remaining -= charge;
        Charged[^1] += charge;
        Served++;
        Windows[^1] = (Windows[^1].Start, Windows[^1].Requests + 1);
        return (limit, before, WholeSeconds(windowEnd!.Value - at));
    }

    public TimeSpan ResetIn(DateTimeOffset at) =>
        windowEnd is { } end && end > at ? WholeSeconds(end - at) : TimeSpan.Zero;

    /// <summary>The API reports its reset in whole seconds, rounded up.</summary>
    private static TimeSpan WholeSeconds(TimeSpan time) => TimeSpan.FromSeconds(Math.Ceiling(time.TotalSeconds));
}
