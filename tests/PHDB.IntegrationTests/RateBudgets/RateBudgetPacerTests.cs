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
    [InlineData(4)]
    [InlineData(8)]
    public void A_small_budget_on_a_short_window_is_never_exceeded_and_mostly_spent(int workers)
    {
        // Requests reach the API 0.2 s after their slot; the budget allows for up to 0.5 s.
        var api = new FixedWindowApi(limit: 1_000, cost: 100, window: TimeSpan.FromSeconds(4));
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions
            {
                DefaultLimit = 1_000,
                DefaultWindow = TimeSpan.FromSeconds(4),
                SendDelay = TimeSpan.FromMilliseconds(500),
            }
        );

        Run(pacer, api, workers, until: Start + TimeSpan.FromMinutes(1));

        Assert.Equal(0, api.RateLimited);
        // 10 requests per 4 s, never more than 10 in 4.5 s: 8 to 10 per window.
        Assert.All(api.Windows.SkipLast(1), w => Assert.InRange(w.Requests, 8, 10));
    }

    [Theory]
    [InlineData(4, 7)]
    [InlineData(4, 11)]
    [InlineData(8, 13)]
    [InlineData(16, 17)]
    public void Requests_sent_late_and_answered_late_on_a_short_window_never_meet_a_429(int workers, int seed)
    {
        // 6 requests per 4 s window. A request is ready to go up to 0.7 s after its slot opens, and one not ready
        // within the 0.5 s the budget allows gives its slot back; its answer takes 0.1 to 1.9 s more, so a window's
        // end is seen up to 2.9 s late (its reset rounded up to whole seconds, then the latency), and a new window's
        // first answers arrive while the last one's are still coming in.
        var random = new Random(seed);
        var api = new FixedWindowApi(limit: 600, cost: 100, window: TimeSpan.FromSeconds(4));
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions { DefaultLimit = 600, DefaultWindow = TimeSpan.FromSeconds(4) }
        );

        var outcome = Run(
            pacer,
            api,
            workers,
            until: Start + TimeSpan.FromMinutes(2),
            latency: () => TimeSpan.FromMilliseconds(random.Next(100, 1_900)),
            readiness: () => TimeSpan.FromMilliseconds(random.Next(0, 700))
        );

        Assert.Equal(0, api.RateLimited);
        Assert.True(outcome.Missed > 0, "some requests were ready too late for their slot");
        // 6 requests in any 4.5 s (the window and the 0.5 s a request may be late): at most 160 in 2 minutes; the
        // slots given back and, for 4 workers, their round trips take a share of that.
        Assert.True(api.Served >= 75, $"{api.Served} requests served in 2 minutes, at least 75 expected");
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

        var sent = Run(pacer, api, workers: 8, until: Start + TimeSpan.FromMinutes(15)).Sent;

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
    public void An_answer_from_a_window_after_the_reset_ends_the_429_and_its_budget_paces_again()
    {
        var options = new RateBudgetOptions { DefaultLimit = 600, DefaultWindow = TimeSpan.FromSeconds(2) };
        var pacer = new RateBudgetPacer(new RateBudgetState(), options);
        var limited = pacer.Acquire(Start);
        pacer.ReportRateLimited(limited.Id, TimeSpan.FromSeconds(2), Start);

        // A slot taken while limited opens after the reset; its request opened a new window, which another client of
        // the token had mostly spent: the answer says 200 points are left, one more request at 100.
        var first = pacer.Acquire(Start + TimeSpan.FromSeconds(1));
        Assert.True(first.NotBefore >= Start + TimeSpan.FromSeconds(2), "no slot before the reset");
        pacer.Report(first.Id, new BudgetObservation(600, 200, TimeSpan.FromSeconds(2), first.NotBefore));

        Assert.Null(pacer.Status(first.NotBefore).RateLimitedUntil);
        var windowEnd = first.NotBefore + TimeSpan.FromSeconds(2);
        var slots = Enumerable.Range(0, 3).Select(_ => pacer.Acquire(first.NotBefore)).ToList();
        Assert.True(slots[0].NotBefore <= windowEnd, "the one request the window still allows goes in it");
        Assert.All(
            slots.Skip(1),
            s =>
                Assert.True(
                    s.NotBefore >= windowEnd + options.ResetMargin,
                    $"a slot {(s.NotBefore - windowEnd).TotalSeconds:F2} s after the end of a spent window"
                )
        );
    }

    [Fact]
    public void A_window_that_met_a_429_teaches_no_cost()
    {
        var options = new RateBudgetOptions { DefaultLimit = 600, DefaultWindow = TimeSpan.FromSeconds(2) };
        var pacer = new RateBudgetPacer(new RateBudgetState(), options);
        var first = pacer.Acquire(Start);
        pacer.Report(first.Id, new BudgetObservation(600, 600, TimeSpan.FromSeconds(2), Start));
        var limited = pacer.Acquire(Start);
        pacer.ReportRateLimited(limited.Id, TimeSpan.FromSeconds(2), Start + TimeSpan.FromSeconds(0.5));

        // Charges the budget never saw (another client of the token) emptied the window: its spread is not a cost.
        var late = pacer.Acquire(Start);
        pacer.Report(
            late.Id,
            new BudgetObservation(600, 0, TimeSpan.FromSeconds(2), Start + TimeSpan.FromSeconds(0.6))
        );

        Assert.Equal(100, pacer.Status(Start + TimeSpan.FromSeconds(10)).CostPerRequest);
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
    public void A_slot_taken_back_gives_its_time_to_the_next_and_no_more()
    {
        // 60 requests per 60 s: slots 1 s apart.
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions { DefaultLimit = 6_000, DefaultWindow = TimeSpan.FromSeconds(60) }
        );
        var first = pacer.Acquire(Start);
        var unused = pacer.Acquire(Start);
        Assert.Equal(Start + TimeSpan.FromSeconds(1), unused.NotBefore);

        pacer.Release(unused.Id);

        // The next slot takes the time of the one taken back, not the one after it; the first keeps its own.
        Assert.Equal(Start + TimeSpan.FromSeconds(1), pacer.Acquire(Start).NotBefore);
        Assert.Equal(Start, first.NotBefore);
        Assert.Equal(2, pacer.Status(Start).InFlight);
    }

    [Fact]
    public void Slots_handed_out_before_the_first_answer_do_not_hold_back_the_pace_it_allows()
    {
        // The defaults would pace slots 14.4 s apart; before any answer they are at most a second apart, and the first
        // answer shows a far larger budget.
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions());
        var first = pacer.Acquire(Start);
        var early = Enumerable.Range(0, 5).Select(_ => pacer.Acquire(Start)).ToList();
        Assert.Equal(Start + TimeSpan.FromSeconds(5), early[^1].NotBefore);
        var answered = Start + TimeSpan.FromSeconds(0.2);
        pacer.Report(first.Id, new BudgetObservation(100_000_000, 100_000_000, TimeSpan.FromMinutes(15), answered));

        var next = pacer.Acquire(answered);
        pacer.Release(next.Id);
        var after = pacer.Acquire(answered);

        Assert.True(next.NotBefore < answered + TimeSpan.FromSeconds(1), $"slot at {next.NotBefore:O}");
        Assert.True(after.NotBefore < answered + TimeSpan.FromSeconds(1), $"slot at {after.NotBefore:O}");
    }

    [Fact]
    public void Slots_from_before_the_open_window_do_not_count_against_it()
    {
        // 6 requests per 10 s. Five slots were handed out long ago and never reported (their workers are gone, as
        // after a restart); they stay in flight until their timeout, but were never this window's.
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions { DefaultLimit = 600, DefaultWindow = TimeSpan.FromSeconds(10) }
        );
        for (var i = 0; i < 5; i++)
        {
            pacer.Acquire(Start);
        }

        var now = Start + TimeSpan.FromSeconds(60);
        var first = pacer.Acquire(now);
        pacer.Report(first.Id, new BudgetObservation(600, 600, TimeSpan.FromSeconds(10), now));

        var next = pacer.Acquire(now);
        Assert.Equal(6, pacer.Status(now).InFlight);
        Assert.True(next.NotBefore < now + TimeSpan.FromSeconds(10), $"slot at {next.NotBefore:O}");
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

    /// <summary>
    /// Discrete-event run: each worker acquires a slot, sends at it, and its answer arrives after a latency and is
    /// observed then (the API reckoned its reset when the request reached it, so the window seems to end late).
    /// </summary>
    private static RunOutcome Run(
        RateBudgetPacer pacer,
        FixedWindowApi api,
        int workers,
        DateTimeOffset until,
        Func<TimeSpan>? latency = null,
        Func<TimeSpan>? readiness = null
    )
    {
        latency ??= () => Latency;
        readiness ??= () => Latency / 2;
        var sent = new List<DateTimeOffset>();
        var missed = 0;
        var events = new PriorityQueue<Event, (DateTimeOffset, long)>();
        long order = 0;
        for (var w = 0; w < workers; w++)
        {
            events.Enqueue(new Event(EventKind.Ready, 0, null, TimeSpan.Zero), (Start, order++));
        }

        while (events.TryDequeue(out var e, out var key) && key.Item1 < until)
        {
            var now = key.Item1;
            switch (e.Kind)
            {
                case EventKind.Ready:
                    var slot = pacer.Acquire(now);
                    events.Enqueue(
                        new Event(EventKind.Send, slot.Id, null, TimeSpan.Zero, slot.SendBy),
                        (slot.NotBefore + readiness(), order++)
                    );
                    break;
                case EventKind.Send when now > e.SendBy:
                    // Ready too late for its slot: the worker gives it back and asks for another.
                    pacer.Release(e.Slot);
                    missed++;
                    events.Enqueue(new Event(EventKind.Ready, 0, null, TimeSpan.Zero), (now, order++));
                    break;
                case EventKind.Send:
                    sent.Add(now);
                    var answer = api.Call(now);
                    events.Enqueue(
                        new Event(EventKind.Arrive, e.Slot, answer, api.ResetIn(now)),
                        (now + latency(), order++)
                    );
                    break;
                default:
                    if (e.Answer is { } budget)
                    {
                        pacer.Report(
                            e.Slot,
                            new BudgetObservation(budget.Limit, budget.Remaining, budget.ResetIn, now)
                        );
                    }
                    else
                    {
                        pacer.ReportRateLimited(e.Slot, e.ResetIn, now);
                    }

                    events.Enqueue(new Event(EventKind.Ready, 0, null, TimeSpan.Zero), (now, order++));
                    break;
            }
        }

        return new RunOutcome(sent, missed);
    }

    /// <summary>The moments requests were sent, and how many slots were given back for being missed.</summary>
    private sealed record RunOutcome(List<DateTimeOffset> Sent, int Missed);

    private enum EventKind
    {
        Ready,
        Send,
        Arrive,
    }

    private sealed record Event(
        EventKind Kind,
        long Slot,
        (int Limit, int Remaining, TimeSpan ResetIn)? Answer,
        TimeSpan ResetIn,
        DateTimeOffset SendBy = default
    );
}
