namespace PHDB.IntegrationTests.RateBudgets;

/// <summary>
/// The live API's rate limit as a model: a lazy fixed window that opens with the first request after the last
/// one ended, headers that show the budget before the request's cost, requests allowed while the budget is above
/// zero, a 429 with the seconds to the reset otherwise (whole seconds, rounded up, as the API reports them).
/// A request is charged as it arrives, or (<paramref name="chargedOnAnswer"/>) once its query ran, as the simulator
/// charges a query's complexity: then the answers of requests running side by side do not show each other's cost.
/// </summary>
internal sealed class FixedWindowApi(int limit, Func<int> cost, TimeSpan window, bool chargedOnAnswer = false)
{
    /// <summary>An API that charges every request the same, as it arrives.</summary>
    public FixedWindowApi(int limit, int cost, TimeSpan window)
        : this(limit, () => cost, window) { }

    private DateTimeOffset? windowEnd;
    private int remaining;

    public int Limit => limit;

    /// <summary>The budget left in the open window, as a refusal reports it.</summary>
    public int Remaining => remaining;

    public int Served { get; private set; }

    public int RateLimited => Refusals.Count;

    /// <summary>When each request refused with a 429 arrived.</summary>
    public List<DateTimeOffset> Refusals { get; } = [];

    /// <summary>Points charged in each window, in the order of <see cref="Windows"/>.</summary>
    public List<int> Charged { get; } = [];

    public List<(DateTimeOffset Start, int Requests)> Windows { get; } = [];

    /// <summary>A request let in: the budget its answer shows, and what it costs once it ran when so charged.</summary>
    public Answer? Call(DateTimeOffset at)
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
            Refusals.Add(at);
            return null;
        }

        var before = remaining;
        var charge = cost();
        Served++;
        Windows[^1] = (Windows[^1].Start, Windows[^1].Requests + 1);
        if (!chargedOnAnswer)
        {
            Charge(charge);
        }

        return new Answer(
            limit,
            before,
            WholeSeconds(windowEnd!.Value - at),
            chargedOnAnswer ? charge : 0,
            Windows.Count
        );
    }

    /// <summary>The query of <paramref name="answer"/> ran at <paramref name="at"/>: its cost is charged to its window if that is still open.</summary>
    public void Ran(Answer answer, DateTimeOffset at)
    {
        if (answer.ChargedOnAnswer > 0 && answer.Window == Windows.Count && windowEnd is { } end && at < end)
        {
            Charge(answer.ChargedOnAnswer);
        }
    }

    public TimeSpan ResetIn(DateTimeOffset at) =>
        windowEnd is { } end && end > at ? WholeSeconds(end - at) : TimeSpan.Zero;

    private void Charge(int points)
    {
        remaining -= points;
        Charged[^1] += points;
    }

    /// <summary>The API reports its reset in whole seconds, rounded up.</summary>
    private static TimeSpan WholeSeconds(TimeSpan time) => TimeSpan.FromSeconds(Math.Ceiling(time.TotalSeconds));

    /// <summary>What the API answered a request it let in.</summary>
    /// <param name="Window">The window it came in, counted from one.</param>
    public sealed record Answer(int Limit, int Remaining, TimeSpan ResetIn, int ChargedOnAnswer, int Window);
}
