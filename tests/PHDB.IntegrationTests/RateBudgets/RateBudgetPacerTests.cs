using PHDB.Grains.RateBudgets;

namespace PHDB.IntegrationTests.RateBudgets;

public sealed class RateBudgetPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(400);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public void Workers_that_always_have_work_never_hit_a_429_and_spend_each_window(int workers)
    {
        var api = new FixedWindowApi(limit: 6_250, cost: 100, window: TimeSpan.FromMinutes(15));
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions());

        Run(pacer, api, workers, until: Start + TimeSpan.FromHours(1));

        Assert.Equal(0, api.RateLimited);
        var complete = api.Windows.SkipLast(1).ToList();
        Assert.True(complete.Count >= 3, $"expected at least 3 complete windows in an hour, got {complete.Count}");
        // 6,250 points at 100 a request allow 63 requests (the last one takes the budget below zero).
        Assert.All(complete, w => Assert.InRange(w.Requests, 60, 63));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public void A_small_budget_on_a_short_window_is_never_exceeded(int workers)
    {
        var api = new FixedWindowApi(limit: 1_000, cost: 100, window: TimeSpan.FromSeconds(4));
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions { DefaultLimit = 1_000, DefaultWindow = TimeSpan.FromSeconds(4) }
        );

        Run(pacer, api, workers, until: Start + TimeSpan.FromMinutes(1));

        Assert.Equal(0, api.RateLimited);
        Assert.All(api.Windows.SkipLast(1), w => Assert.InRange(w.Requests, 9, 10));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void A_cost_per_request_other_than_assumed_is_learned_from_the_budgets_reported(int workers)
    {
        // Each request charged its complexity (300 to 1,000 points), not the 100 the pacer assumes at first.
        var random = new Random(7);
        var api = new FixedWindowApi(limit: 50_000, () => random.Next(300, 1_001), window: TimeSpan.FromMinutes(15));
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions { DefaultLimit = 50_000 });

        Run(pacer, api, workers, until: Start + TimeSpan.FromHours(2));

        Assert.Equal(0, api.RateLimited);
        var complete = api.Charged.Skip(1).SkipLast(1).ToList();
        Assert.True(complete.Count >= 5, $"expected at least 5 complete windows after the first, got {complete.Count}");
        // At least 90 % of each window's budget is spent: a window ends with what one request may cost left unspent
        // (what its last request will cost is known only from the next answer, and no request is sent on a guess).
        Assert.All(complete, points => Assert.True(points >= 0.9 * 50_000, $"{points} of 50,000 points spent"));
        Assert.InRange(pacer.Status(Start).CostPerRequest, 500, 800);
    }

    [Fact]
    public void Requests_are_spread_over_the_window_not_sent_in_a_burst()
    {
        var api = new FixedWindowApi(limit: 6_250, cost: 100, window: TimeSpan.FromMinutes(15));
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions());

        var sent = Run(pacer, api, workers: 8, until: Start + TimeSpan.FromMinutes(15));

        var firstHalf = sent.Count(t => t < Start + TimeSpan.FromMinutes(7.5));
        Assert.InRange(firstHalf, 25, 38);
    }

    [Fact]
    public void After_a_429_no_slot_opens_before_the_reset()
    {
        var state = new RateBudgetState();
        var pacer = new RateBudgetPacer(state, new RateBudgetOptions());
        var slot = pacer.Acquire(Start);

        pacer.ReportRateLimited(slot.Id, TimeSpan.FromSeconds(102), Start);

        var next = pacer.Acquire(Start + TimeSpan.FromSeconds(1));
        Assert.True(next.NotBefore >= Start + TimeSpan.FromSeconds(102), $"slot at {next.NotBefore:O}");
        Assert.Equal(1, pacer.Status(Start).RateLimitHits);
    }

    [Fact]
    public void A_budget_learned_from_headers_replaces_the_defaults()
    {
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions());
        var slot = pacer.Acquire(Start);

        pacer.Report(slot.Id, new BudgetObservation(1_000, 1_000, TimeSpan.FromSeconds(60), Start));

        var status = pacer.Status(Start);
        Assert.Equal(1_000, status.Limit);
        Assert.Equal(900, status.Remaining);
        Assert.Equal(Start + TimeSpan.FromSeconds(60), status.WindowEndsAt);
        // 9 more requests fit; they are spread over what is left of the 60 s window (about 5 s apart).
        var next = pacer.Acquire(Start);
        var after = pacer.Acquire(Start);
        Assert.InRange((after.NotBefore - next.NotBefore).TotalSeconds, 4.0, 7.5);
        Assert.True(after.NotBefore < Start + TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void A_slot_never_reported_is_taken_back_after_its_timeout()
    {
        var options = new RateBudgetOptions { SlotTimeout = TimeSpan.FromSeconds(30) };
        var pacer = new RateBudgetPacer(new RateBudgetState(), options);
        pacer.Acquire(Start);

        Assert.Equal(1, pacer.Status(Start).InFlight);
        Assert.Equal(0, pacer.Status(Start + TimeSpan.FromSeconds(31)).InFlight);
    }

    /// <summary>Discrete-event run: each worker acquires, sends at its slot, reports after a latency, repeats.</summary>
    private static List<DateTimeOffset> Run(
        RateBudgetPacer pacer,
        FixedWindowApi api,
        int workers,
        DateTimeOffset until
    )
    {
        var sent = new List<DateTimeOffset>();
        var ready = new PriorityQueue<int, DateTimeOffset>();
        for (var w = 0; w < workers; w++)
        {
            ready.Enqueue(w, Start);
        }

        while (ready.TryDequeue(out var worker, out var now) && now < until)
        {
            var slot = pacer.Acquire(now);
            var at = slot.NotBefore;
            if (at >= until)
            {
                continue;
            }

            sent.Add(at);
            var answer = api.Call(at);
            var back = at + Latency;
            if (answer is { } budget)
            {
                pacer.Report(slot.Id, new BudgetObservation(budget.Limit, budget.Remaining, budget.ResetIn, at));
            }
            else
            {
                pacer.ReportRateLimited(slot.Id, api.ResetIn(at), back);
            }

            ready.Enqueue(worker, back);
        }

        return sent;
    }
}
