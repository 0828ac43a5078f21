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
        // 10 requests per 4 s, never more than 10 in 4.5 s: 8 to 10 per window once the first showed the price.
        Assert.All(api.Windows.Skip(1).SkipLast(1), w => Assert.InRange(w.Requests, 8, 10));
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

    [Theory]
    [InlineData(4, 3)]
    [InlineData(8, 5)]
    [InlineData(16, 9)]
    public void A_complexity_charged_once_the_query_ran_is_paced_without_a_429_though_answers_overlap(
        int workers,
        int seed
    )
    {
        // The simulator's `Complexity` model on a short window: each request costs its query's complexity (900 to
        // 1,000 points: requests packed to a cap of 1,000), charged once it ran, so an answer shows none of the
        // requests running beside it. About 6 requests a 3 s window, answered 0.2 to 1.5 s after they are sent.
        var random = new Random(seed);
        var (api, pacer) = ChargedOnceRun(random, 900, 1_000);

        Run(
            pacer,
            api,
            workers,
            until: Start + TimeSpan.FromMinutes(3),
            latency: () => TimeSpan.FromMilliseconds(random.Next(200, 1_500)),
            readiness: () => TimeSpan.FromMilliseconds(random.Next(0, 300))
        );

        Assert.Equal(0, api.RateLimited);
        // At most 6 requests in any 3.5 s (the window and the 0.5 s a request may be late): 308 in 3 minutes. The
        // price shown may be too high (a request sent later than its slot shows the charges of answers that came back
        // in between), and a window's end is seen late by an answer's latency and the reset's rounding, with a second
        // more before the next: a window may pass with 4 or 5 requests, never with 8 (a 429 at about 950 each).
        Assert.True(api.Served >= 200, $"{api.Served} requests served in 3 minutes, at least 200 expected");
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(8, 2)]
    [InlineData(8, 3)]
    [InlineData(8, 4)]
    [InlineData(8, 5)]
    [InlineData(8, 6)]
    [InlineData(12, 7)]
    [InlineData(12, 8)]
    public void Late_answers_of_a_window_arriving_beside_the_next_ones_do_not_lower_the_price(int workers, int seed)
    {
        // A cluster just started answers its first requests late (1 to 2.5 s, on a 3 s window of about 6 requests
        // charged their complexity once they ran): the last answers of a window arrive among the first of the next.
        var random = new Random(seed);
        var answers = 0;
        var (api, pacer) = ChargedOnceRun(random, 900, 1_000);

        Run(
            pacer,
            api,
            workers,
            until: Start + TimeSpan.FromSeconds(30),
            latency: () => TimeSpan.FromMilliseconds(answers++ < 8 ? random.Next(1_000, 2_500) : random.Next(150, 500)),
            readiness: () => TimeSpan.FromMilliseconds(random.Next(0, 300))
        );

        Assert.True(api.RateLimited == 0, $"{api.RateLimited} 429s, {api.Served} requests served");
    }

    [Theory]
    [InlineData(4, 21)]
    [InlineData(8, 23)]
    public void A_price_above_the_limit_is_shown_by_the_one_refusal_after_a_windows_single_request(
        int workers,
        int seed
    )
    {
        // Requests of 7,000 to 10,000 points against 6,250 a window, charged once they ran: the API lets the first of
        // a window in (the budget is above zero), and its answer shows nothing spent. The second meets a 429, whose
        // budget shows the first's price: from then on, one request a window. The slots handed out a second apart
        // before the first answer (one per worker) are sent all the same, and may meet 429s too.
        var random = new Random(seed);
        var (api, pacer) = ChargedOnceRun(random, 7_000, 10_000);

        Run(
            pacer,
            api,
            workers,
            until: Start + TimeSpan.FromMinutes(2),
            latency: () => TimeSpan.FromMilliseconds(random.Next(200, 800))
        );

        Assert.NotEmpty(api.Refusals);
        Assert.All(api.Refusals, at => Assert.True(at < Start + TimeSpan.FromSeconds(workers + 1), $"a 429 at {at:O}"));
        Assert.True(pacer.Status(Start).CostPerRequest >= 7_000, "the refusal showed the price");
        // One request in each 3.5 s (the window and the 0.5 s a request may be late), and the resets seen late.
        Assert.True(api.Served >= 20, $"{api.Served} requests served in 2 minutes, at least 20 expected");
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

        // It shows no price: a slot still comes a second after the latest handed out.
        var unpriced = pacer.Acquire(answered);
        Assert.Equal(early[^1].NotBefore + TimeSpan.FromSeconds(1), unpriced.NotBefore);
        pacer.Release(unpriced.Id);

        // The second answer shows the first request's 100 points: the pace it allows takes over.
        answered = early[0].NotBefore + TimeSpan.FromSeconds(0.2);
        pacer.Report(early[0].Id, new BudgetObservation(100_000_000, 99_999_900, TimeSpan.FromMinutes(15), answered));

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

    [Fact]
    public void Before_any_answer_the_budget_shows_the_configured_defaults_in_full()
    {
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions());

        var status = pacer.Status(Start);

        Assert.Equal(6_250, status.Limit);
        Assert.Equal(6_250, status.Remaining);
        Assert.Null(status.WindowEndsAt);
        Assert.Equal(TimeSpan.FromMinutes(15), status.WindowLength);
        Assert.Equal(100, status.CostPerRequest);
    }

    [Fact]
    public void Slots_are_numbered_from_one_in_the_order_they_are_handed_out()
    {
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions());

        var ids = Enumerable.Range(0, 3).Select(_ => pacer.Acquire(Start).Id).ToList();

        Assert.Equal(new long[] { 1, 2, 3 }, ids);
    }

    [Theory]
    [InlineData(60, 0.5)]
    [InlineData(1, 0.25)]
    public void A_slot_may_be_used_until_the_send_delay_after_it_opens_at_most_a_quarter_of_a_window(
        int windowSeconds,
        double allowanceSeconds
    )
    {
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions
            {
                DefaultWindow = TimeSpan.FromSeconds(windowSeconds),
                SendDelay = TimeSpan.FromSeconds(0.5),
            }
        );

        var slot = pacer.Acquire(Start);

        Assert.Equal(slot.NotBefore + TimeSpan.FromSeconds(allowanceSeconds), slot.SendBy);
    }

    [Fact]
    public void The_first_answer_of_a_window_teaches_its_length_and_later_answers_do_not()
    {
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions());

        // A full budget means the window opened with this request: its reset is the whole window.
        Answer(pacer, 500, 500, TimeSpan.FromSeconds(10), Start);
        Assert.Equal(TimeSpan.FromSeconds(10), pacer.Status(Start).WindowLength);

        Answer(pacer, 500, 400, TimeSpan.FromSeconds(7), Start + TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(10), pacer.Status(Start + TimeSpan.FromSeconds(3)).WindowLength);
    }

    [Fact]
    public void The_token_hint_shown_is_the_last_one_an_answer_carried()
    {
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions());
        var window = TimeSpan.FromMinutes(15);

        Answer(pacer, 6_250, 6_250, window, Start, "ab12");
        Assert.Equal("ab12", pacer.Status(Start).TokenHint);

        Answer(pacer, 6_250, 6_150, window, Start);
        Assert.Equal("ab12", pacer.Status(Start).TokenHint);

        Answer(pacer, 6_250, 6_050, window, Start, "cd34");
        Assert.Equal("cd34", pacer.Status(Start).TokenHint);
    }

    [Fact]
    public void After_a_429_slots_resume_no_closer_together_than_the_window_allows()
    {
        // 6 requests per 60 s: slots 10 s apart; the reset is 2 s away.
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions { DefaultLimit = 600, DefaultWindow = TimeSpan.FromSeconds(60) }
        );
        var limited = pacer.Acquire(Start);

        pacer.ReportRateLimited(limited.Id, TimeSpan.FromSeconds(2), Start);

        var status = pacer.Status(Start);
        Assert.Equal(0, status.InFlight);
        Assert.Equal(Start + TimeSpan.FromSeconds(2), status.RateLimitedUntil);
        Assert.Equal(0, status.Remaining);
        Assert.Equal(Start + TimeSpan.FromSeconds(10), pacer.Acquire(Start + TimeSpan.FromSeconds(1)).NotBefore);
    }

    [Fact]
    public void A_window_that_ended_shows_as_closed_with_its_whole_limit_once_the_reset_margin_passed()
    {
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions { DefaultLimit = 500, DefaultWindow = TimeSpan.FromSeconds(10) }
        );
        Answer(pacer, 500, 500, TimeSpan.FromSeconds(10), Start);

        var open = pacer.Status(Start + TimeSpan.FromSeconds(10.5));
        Assert.Equal(Start + TimeSpan.FromSeconds(10), open.WindowEndsAt);
        Assert.Equal(400, open.Remaining);
        Assert.Equal(1, open.RequestsThisWindow);

        var closed = pacer.Status(Start + TimeSpan.FromSeconds(11));
        Assert.Null(closed.WindowEndsAt);
        Assert.Equal(500, closed.Remaining);
        Assert.Equal(0, closed.RequestsThisWindow);
    }

    [Fact]
    public void A_slot_asked_for_long_after_a_window_or_a_429_ended_opens_at_once()
    {
        var options = new RateBudgetOptions { DefaultLimit = 600, DefaultWindow = TimeSpan.FromSeconds(60) };
        var later = Start + TimeSpan.FromSeconds(300);

        var answered = new RateBudgetPacer(new RateBudgetState(), options);
        Answer(answered, 600, 600, TimeSpan.FromSeconds(60), Start);
        Assert.Equal(later, answered.Acquire(later).NotBefore);

        var limited = new RateBudgetPacer(new RateBudgetState(), options);
        limited.ReportRateLimited(limited.Acquire(Start).Id, TimeSpan.FromSeconds(2), Start);
        Assert.Equal(later, limited.Acquire(later).NotBefore);
    }

    [Fact]
    public void Slots_for_the_window_after_a_spent_one_keep_a_whole_windows_spacing()
    {
        // 5 requests per 10 s: 2 s apart. The first answer shows the window already spent (by another client).
        var options = new RateBudgetOptions { DefaultLimit = 500, DefaultWindow = TimeSpan.FromSeconds(10) };
        var pacer = new RateBudgetPacer(new RateBudgetState(), options);
        Answer(pacer, 500, 100, TimeSpan.FromSeconds(10), Start);

        var first = pacer.Acquire(Start);
        var second = pacer.Acquire(Start);

        Assert.Equal(Start + TimeSpan.FromSeconds(10) + options.ResetMargin, first.NotBefore);
        Assert.Equal(first.NotBefore + TimeSpan.FromSeconds(2), second.NotBefore);
    }

    [Fact]
    public void A_slot_that_timed_out_stops_counting_against_the_open_window()
    {
        // 6 requests per 60 s; a slot not reported within a second is taken back.
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions
            {
                DefaultLimit = 600,
                DefaultWindow = TimeSpan.FromSeconds(60),
                SlotTimeout = TimeSpan.FromSeconds(1),
            }
        );
        Answer(pacer, 600, 600, TimeSpan.FromSeconds(60), Start);
        var lost = pacer.Acquire(Start);
        Assert.Equal(Start + TimeSpan.FromSeconds(12), lost.NotBefore);

        // Its worker is gone: the window's 5 requests still to send share the 40 s left, not 4 of them.
        var now = Start + TimeSpan.FromSeconds(20);
        Assert.Equal(now, pacer.Acquire(now).NotBefore);
    }

    [Fact]
    public void A_slot_is_taken_back_the_moment_its_timeout_ends()
    {
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions { SlotTimeout = TimeSpan.FromSeconds(30) }
        );
        pacer.Acquire(Start);

        Assert.Equal(1, pacer.Status(Start + TimeSpan.FromSeconds(29.9)).InFlight);
        Assert.Equal(0, pacer.Status(Start + TimeSpan.FromSeconds(30)).InFlight);
    }

    [Fact]
    public void A_slot_that_opens_as_the_window_ends_belongs_to_the_next_window()
    {
        // Before the first answer slots are a second apart: five from the start. The first answer, a second in,
        // says the window (of 6 requests) ends in 3 s, at the fifth slot: that one is the next window's. Of the
        // 5 requests this window still allows, 3 are in flight; the other 2 share the 3 s left. (An earlier window
        // showed the price of a request.)
        var pacer = new RateBudgetPacer(new RateBudgetState { LearnedCost = 100 }, new RateBudgetOptions());
        var slots = Enumerable.Range(0, 5).Select(_ => pacer.Acquire(Start)).ToList();
        Assert.Equal(Start + TimeSpan.FromSeconds(4), slots[^1].NotBefore);
        var answered = Start + TimeSpan.FromSeconds(1);
        pacer.Report(slots[0].Id, new BudgetObservation(600, 600, TimeSpan.FromSeconds(3), answered));

        var next = pacer.Acquire(answered);

        Assert.Equal(answered + TimeSpan.FromSeconds(1.5), next.NotBefore);
    }

    [Fact]
    public void A_late_answer_from_the_window_that_ended_is_ignored_and_the_next_windows_is_taken()
    {
        // 5 requests per 10 s, no margin after a reset.
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions
            {
                DefaultLimit = 500,
                DefaultWindow = TimeSpan.FromSeconds(10),
                ResetMargin = TimeSpan.Zero,
            }
        );
        Answer(pacer, 500, 500, TimeSpan.FromSeconds(10), Start);
        var sentLate = pacer.Acquire(Start);
        var nextWindow = pacer.Acquire(Start + TimeSpan.FromSeconds(10));
        Assert.Null(pacer.Status(Start + TimeSpan.FromSeconds(10)).WindowEndsAt);

        // Its request reached the API near the end of the window (sent late, or answered slowly): the reset it shows
        // falls within 2 s of the end of the window that ended, and says nothing of the next.
        var late = Start + TimeSpan.FromSeconds(10.3);
        pacer.Report(sentLate.Id, new BudgetObservation(500, 300, TimeSpan.FromSeconds(1), late));

        var status = pacer.Status(late);
        Assert.Null(status.WindowEndsAt);
        Assert.Equal(500, status.Remaining);

        var answered = Start + TimeSpan.FromSeconds(10.4);
        pacer.Report(nextWindow.Id, new BudgetObservation(500, 500, TimeSpan.FromSeconds(10), answered));
        Assert.Equal(answered + TimeSpan.FromSeconds(10), pacer.Status(answered).WindowEndsAt);
    }

    [Theory]
    [InlineData(1.9, 2, 10)]
    [InlineData(2.0, 1, 12)]
    public void Answers_whose_resets_are_two_seconds_apart_or_more_are_from_different_windows(
        double laterBySeconds,
        int requestsThisWindow,
        double windowEndsAfterSeconds
    )
    {
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions());
        Answer(pacer, 600, 600, TimeSpan.FromSeconds(10), Start);

        var answered = Start + TimeSpan.FromSeconds(laterBySeconds);
        Answer(pacer, 600, 500, TimeSpan.FromSeconds(10), answered);

        var status = pacer.Status(answered);
        Assert.Equal(requestsThisWindow, status.RequestsThisWindow);
        Assert.Equal(Start + TimeSpan.FromSeconds(windowEndsAfterSeconds), status.WindowEndsAt);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(75, 100)]
    [InlineData(125, 100)]
    [InlineData(70, 70)]
    [InlineData(130, 130)]
    public void Two_answers_tell_the_cost_unless_it_is_within_a_quarter_of_the_configured_one(
        int charged,
        int costPerRequest
    )
    {
        var pacer = new RateBudgetPacer(new RateBudgetState(), new RateBudgetOptions { DefaultLimit = 10_000 });
        var window = TimeSpan.FromSeconds(60);

        // Each answer shows the budget before its own request's cost: the second shows what the first was charged.
        Answer(pacer, 10_000, 10_000, window, Start);
        Answer(pacer, 10_000, 10_000 - charged, window, Start + TimeSpan.FromSeconds(1));

        Assert.Equal(costPerRequest, pacer.Status(Start + TimeSpan.FromSeconds(1)).CostPerRequest);
    }

    [Fact]
    public void The_cost_a_whole_window_showed_holds_until_another_whole_window_shows_a_new_one()
    {
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions { DefaultLimit = 3_000, DefaultWindow = TimeSpan.FromSeconds(10) }
        );
        var window = TimeSpan.FromSeconds(10);

        // The first window: three answers, 300 points apart.
        Answer(pacer, 3_000, 3_000, window, Start);
        Answer(pacer, 3_000, 2_700, window, Start + TimeSpan.FromSeconds(0.5));
        Answer(pacer, 3_000, 2_400, TimeSpan.FromSeconds(9), Start + TimeSpan.FromSeconds(1));
        Assert.Equal(300, pacer.Status(Start + TimeSpan.FromSeconds(1)).CostPerRequest);

        // The next window's first answer, before the first window was seen to close, and its second: the cost the
        // whole first window showed holds over what the second's two answers suggest.
        var second = Start + TimeSpan.FromSeconds(10.5);
        Answer(pacer, 3_000, 3_000, window, second);
        Assert.Equal(300, pacer.Status(second).CostPerRequest);
        Answer(pacer, 3_000, 2_500, TimeSpan.FromSeconds(9), second + TimeSpan.FromSeconds(1));
        Assert.Equal(300, pacer.Status(second + TimeSpan.FromSeconds(1)).CostPerRequest);

        // Once the second window closed, its cost replaces the first's.
        var third = second + window + TimeSpan.FromSeconds(1);
        Assert.Equal(500, pacer.Status(third).CostPerRequest);

        // A window with a single answer shows no cost: the last one learned holds, after it too.
        Answer(pacer, 3_000, 3_000, window, third);
        Assert.Equal(500, pacer.Status(third).CostPerRequest);
        Assert.Equal(500, pacer.Status(third + window + TimeSpan.FromSeconds(1)).CostPerRequest);
    }

    [Fact]
    public void Taking_back_a_slot_gives_its_time_to_the_next_only_when_it_was_the_last()
    {
        // 60 requests per 60 s: slots 1 s apart.
        var pacer = new RateBudgetPacer(
            new RateBudgetState(),
            new RateBudgetOptions { DefaultLimit = 6_000, DefaultWindow = TimeSpan.FromSeconds(60) }
        );
        var slots = Enumerable.Range(0, 3).Select(_ => pacer.Acquire(Start)).ToList();

        // Not the last: the next slot still follows the last one.
        pacer.Release(slots[1].Id);
        var next = pacer.Acquire(Start);
        Assert.Equal(Start + TimeSpan.FromSeconds(3), next.NotBefore);

        // The last: the next slot follows the latest one still handed out.
        pacer.Release(next.Id);
        Assert.Equal(Start + TimeSpan.FromSeconds(3), pacer.Acquire(Start).NotBefore);
    }

    [Fact]
    public void Slots_older_than_a_window_and_the_send_delay_are_forgotten()
    {
        // A window of 10 s and requests sent up to 0.5 s late: a slot 10.5 s old can share no window with new ones.
        var state = new RateBudgetState();
        var pacer = new RateBudgetPacer(state, new RateBudgetOptions { DefaultWindow = TimeSpan.FromSeconds(10) });
        pacer.Acquire(Start);

        var next = pacer.Acquire(Start + TimeSpan.FromSeconds(10.5));

        Assert.Equal(next.Id, Assert.Single(state.RecentSlots).Key);
    }

    /// <summary>
    /// A 3 s window of 6,250 points whose requests cost <paramref name="least"/> to <paramref name="most"/> points,
    /// charged once they ran (the simulator's <c>Complexity</c> model), and a budget that knows nothing of it yet.
    /// </summary>
    private static (FixedWindowApi Api, RateBudgetPacer Pacer) ChargedOnceRun(Random random, int least, int most) =>
        (
            new FixedWindowApi(
                limit: 6_250,
                () => random.Next(least, most + 1),
                window: TimeSpan.FromSeconds(3),
                chargedOnAnswer: true
            ),
            new RateBudgetPacer(
                new RateBudgetState(),
                new RateBudgetOptions { DefaultWindow = TimeSpan.FromSeconds(3) }
            )
        );

    /// <summary>Hands out a slot at <paramref name="at"/> and reports the answer to it, observed then.</summary>
    private static void Answer(
        RateBudgetPacer pacer,
        int limit,
        int remaining,
        TimeSpan resetIn,
        DateTimeOffset at,
        string? tokenHint = null
    )
    {
        var slot = pacer.Acquire(at);
        pacer.Report(slot.Id, new BudgetObservation(limit, remaining, resetIn, at, tokenHint));
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
                        new Event(
                            EventKind.Arrive,
                            e.Slot,
                            answer,
                            api.ResetIn(now),
                            Refused: answer is null ? api.Remaining : null
                        ),
                        (now + latency(), order++)
                    );
                    break;
                default:
                    if (e.Answer is { } budget)
                    {
                        api.Ran(budget, now);
                        pacer.Report(
                            e.Slot,
                            new BudgetObservation(budget.Limit, budget.Remaining, budget.ResetIn, now)
                        );
                    }
                    else
                    {
                        pacer.ReportRateLimited(
                            e.Slot,
                            e.ResetIn,
                            now,
                            new BudgetObservation(api.Limit, e.Refused ?? 0, e.ResetIn, now)
                        );
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
        FixedWindowApi.Answer? Answer,
        TimeSpan ResetIn,
        DateTimeOffset SendBy = default,
        int? Refused = null
    );
}
