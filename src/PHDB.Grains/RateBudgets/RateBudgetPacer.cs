namespace PHDB.Grains.RateBudgets;

/// <summary>
/// The pacing rule of a rate budget, free of Orleans and clocks: every call names the moment it happens.
/// A window's requests are spread evenly over its length; a request is allowed while the budget is above zero
/// (the API would let one more take it below zero: it is not sent); after a 429 nothing is sent until the reset.
/// </summary>
public sealed class RateBudgetPacer(RateBudgetState state, RateBudgetOptions options)
{
    private int Limit => state.Limit ?? options.DefaultLimit;

    private TimeSpan WindowLength => state.WindowLength ?? options.DefaultWindow;

    /// <summary>
    /// How late a request may be sent after its slot opens (<see cref="RequestSlot.SendBy"/>): the configured send
    /// delay, at most a quarter of a window (short windows, as in development, would otherwise lose much of their
    /// pace to it).
    /// </summary>
    private TimeSpan SendAllowance => options.SendDelay < WindowLength / 4 ? options.SendDelay : WindowLength / 4;

    /// <summary>
    /// How far apart slots are handed out while no window is open: a window's length over its requests; before any
    /// answer, at most <see cref="FirstAnswerSpacing"/>, so that workers that started together (or a run paused and
    /// resumed before the first answer) do not wait minutes on assumed limits for the answer that tells the real ones.
    /// </summary>
    private TimeSpan Spacing =>
        state.Limit is null && WindowLength / PerWindow > FirstAnswerSpacing
            ? FirstAnswerSpacing
            : WindowLength / PerWindow;

    /// <summary>The widest spacing of slots before the API's first answer.</summary>
    private static readonly TimeSpan FirstAnswerSpacing = TimeSpan.FromSeconds(1);

    /// <summary>Requests a whole window allows at the cost per request known.</summary>
    private int PerWindow => Math.Max(1, SlotsFor(Limit));

    /// <summary>
    /// Hands out the next slot at <paramref name="now"/>: a window's requests spaced evenly over its length, none while
    /// the open window's budget is spent by the requests reported and those still to answer, none before the reset
    /// after a 429, and never more than a window's requests within a window plus the time a request may be sent late.
    /// </summary>
    public RequestSlot Acquire(DateTimeOffset now)
    {
        ExpireLostSlots(now);
        CloseEndedWindow(now);
        state.LastUsedAt = now;

        DateTimeOffset at;
        if (state.RateLimitedUntil is { } limitedUntil)
        {
            at = Max(limitedUntil + options.ResetMargin, state.LastSlotAt + WindowLength / PerWindow);
        }
        else if (state.WindowEndsAt is { } windowEnd)
        {
            // The open window pays for what it reported and for its slots still to answer; the slots it still
            // allows share the time from the last slot handed out to its end, so that better knowledge (a reset, a
            // cost learned) changes the pace at once. Once it is spent, the next window is paced as a whole.
            var pending = PendingIn(windowEnd);
            var slotsLeft = SlotsFor(state.Remaining) - pending;
            var from = Max(now, state.LastSlotAt);
            at =
                slotsLeft > 0 && from < windowEnd
                    ? Max(now, state.LastSlotAt + (windowEnd - from) / slotsLeft)
                    : Max(windowEnd + options.ResetMargin, state.LastSlotAt + WindowLength / PerWindow);
        }
        else
        {
            at = Max(now, state.LastSlotAt + Spacing);
        }

        if (!CostShown && state.InFlight.Count > 0)
        {
            // Until an answer shows the price, requests are paced on the configured one, which may be far too low
            // (the API may charge each query's complexity): at most one a second while others are under way.
            at = Max(at, state.LastSlotAt + FirstAnswerSpacing);
        }

        at = Spaced(at, now);
        var slot = new RequestSlot(state.NextSlotId++, at, at + SendAllowance);
        state.InFlight[slot.Id] = at + options.SlotTimeout;
        state.RecentSlots[slot.Id] = at;
        state.LastSlotAt = Max(state.LastSlotAt, at);
        return slot;
    }

    /// <summary>Takes in the budget a response reported for a slot.</summary>
    public void Report(long slotId, BudgetObservation observation)
    {
        var sentAt = TakeInFlight(slotId);
        state.TokenHint = observation.TokenHint ?? state.TokenHint;
        var known = CostShown && state.Limit is not null;
        Take(observation, sentAt);
        if (!known && CostShown && observation.ObservedAt < state.LastSlotAt)
        {
            // The first answer that shows the limit and the price replaces the defaults: slots from now on are paced
            // by what the answers said, not queued behind those handed out a second apart while they were unknown
            // (they still count while in flight).
            state.LastSlotAt = observation.ObservedAt;
        }
    }

    /// <summary>Takes in the window, the budget left and the charges an answer shows.</summary>
    private void Take(BudgetObservation observation, DateTimeOffset? sentAt)
    {
        var endsAt = observation.ObservedAt + observation.ResetIn;
        if (
            state.WindowEndsAt is null
            && state.ClosedWindowEndsAt is { } closed
            && endsAt - closed < TimeSpan.FromSeconds(2)
        )
        {
            // A late answer from the window that ended: it says nothing of the one now open.
            return;
        }

        state.Limit = observation.Limit;
        if (observation.Remaining >= observation.Limit)
        {
            // The first request of a window: its reset is the window's whole length.
            state.WindowLength = observation.ResetIn;
        }

        var sameWindow = state.WindowEndsAt is { } known && (endsAt - known).Duration() < TimeSpan.FromSeconds(2);
        if (sameWindow)
        {
            // Responses may arrive out of order; the lowest remaining is the latest truth.
            state.RequestsThisWindow++;
            RecordCharges(observation, sentAt);
            state.Remaining = Math.Min(state.Remaining, observation.Remaining - (int)Math.Ceiling(Cost));
        }
        else if (state.WindowEndsAt is null || endsAt > state.WindowEndsAt)
        {
            if (state.RateLimitedUntil is { } limitedUntil && observation.ObservedAt >= limitedUntil)
            {
                // An answer from a window that began after the reset: the 429 is over, pace by this window.
                state.RateLimitedUntil = null;
            }

            SettleCost();
            state.WindowEndsAt = endsAt;
            state.Charges = new WindowCharges();
            state.RequestsThisWindow = 1;
            RecordCharges(observation, sentAt);
            state.Remaining = observation.Remaining - (int)Math.Ceiling(Cost);
        }
    }

    /// <summary>
    /// Points a request costs: the configured cost, until the answers show one that differs from it by more than a
    /// quarter (see <see cref="WindowCharges"/>): the price the last window that showed one showed, or while no window
    /// has, what the open one shows so far.
    /// </summary>
    private double Cost =>
        (state.LearnedCost ?? WindowCost) is { } learned
        && Math.Abs(learned - options.CostPerRequest) > options.CostPerRequest * LearnedCostMargin
            ? learned
            : options.CostPerRequest;

    /// <summary>Whether any answer has shown the price of a request yet.</summary>
    private bool CostShown => (state.LearnedCost ?? WindowCost) is not null;

    /// <summary>How far a learned cost must differ from the configured one to replace it.</summary>
    private const double LearnedCostMargin = 0.25;

    private double? WindowCost =>
        state.WindowEndsAt is { } end ? state.Charges.Price(SmallestFlatPrice, PendingIn(end)) : null;

    /// <summary>
    /// Slots of the window ending at <paramref name="windowEnd"/> still to answer. Slots that opened before the window
    /// began (by more than a request may be late) were spent in an earlier one, or never: a restarted grain's slots of
    /// workers long gone must not hold this one back.
    /// </summary>
    private int PendingIn(DateTimeOffset windowEnd)
    {
        var windowStart = windowEnd - WindowLength - SendAllowance;
        return state.InFlight.Values.Count(expiresAt =>
            OpenedAt(expiresAt) is var opened && opened >= windowStart && opened < windowEnd
        );
    }

    /// <summary>
    /// Takes a slot out of those in flight: when it opened (its request was sent no earlier), or null for a slot not
    /// in flight (expired, or handed out before a restart that lost it).
    /// </summary>
    private DateTimeOffset? TakeInFlight(long slotId) =>
        state.InFlight.Remove(slotId, out var expiresAt) ? OpenedAt(expiresAt) : null;

    /// <summary>When the slot in flight until <paramref name="expiresAt"/> opened.</summary>
    private DateTimeOffset OpenedAt(DateTimeOffset expiresAt) => expiresAt - options.SlotTimeout;

    /// <summary>No flat price is taken for less than half the configured one.</summary>
    private int SmallestFlatPrice => Math.Max(1, options.CostPerRequest / 2);

    /// <summary>
    /// Takes in what an answer of the open window shows of the price (see <see cref="WindowCharges"/>), when its slot
    /// is known. Its request was sent at most the send delay after its slot, and the reset is rounded up to whole
    /// seconds: a window's answers show its end, reckoned from their slots, within that much of each other.
    /// </summary>
    private void RecordCharges(BudgetObservation observation, DateTimeOffset? sentAt)
    {
        if (sentAt is { } sent)
        {
            state.Charges.Record(
                observation.Limit - observation.Remaining,
                sent,
                observation.ResetIn,
                observation.ObservedAt,
                ResetRounding + SendAllowance
            );
        }
    }

    /// <summary>The API reports its reset in whole seconds, rounded up.</summary>
    private static readonly TimeSpan ResetRounding = TimeSpan.FromSeconds(1);

    /// <summary>Keeps the cost a window showed, as it ends.</summary>
    private void SettleCost() => state.LearnedCost = WindowCost ?? state.LearnedCost;

    /// <summary>
    /// Takes in a 429 at <paramref name="now"/>: nothing until the reset. The budget the refusal reported, when it
    /// did, shows the window's spend: when a window pays for a single request (its price above the limit: the API
    /// lets a request in while the budget is above zero), no answer shows a spend, and the refusal after it is what
    /// shows the price.
    /// </summary>
    public void ReportRateLimited(
        long slotId,
        TimeSpan resetIn,
        DateTimeOffset now,
        BudgetObservation? observation = null
    )
    {
        var sentAt = TakeInFlight(slotId);
        state.RateLimitHits++;
        if (observation is not null)
        {
            RecordCharges(observation, sentAt);
            SettleCost();
        }

        state.RateLimitedUntil = now + resetIn;
        state.WindowEndsAt = now + resetIn;
        state.Remaining = 0;

        // A window that met a 429 may hold charges this budget did not see (another client of the token): only its
        // refusal's spend, a price too high if anything, is kept from it.
        state.RequestsThisWindow = 0;
        state.Charges = new WindowCharges();
    }

    /// <summary>
    /// Takes back a slot that was not used (no work to lease). When it was the last handed out, its time goes to the
    /// next slot, so workers that found nothing to do do not slow those that do.
    /// </summary>
    public void Release(long slotId)
    {
        state.InFlight.Remove(slotId);
        if (state.RecentSlots.Remove(slotId, out var at) && at >= state.LastSlotAt)
        {
            state.LastSlotAt = state.RecentSlots.Values.Where(moment => moment < at).DefaultIfEmpty().Max();
        }
    }

    /// <summary>
    /// The earliest moment from <paramref name="at"/> on at which fewer than a window's requests were handed out in
    /// the span of a window plus the send delay before it, or after it. The API's window opens with whichever request
    /// reaches it first and requests reach it up to the send delay after their slot, so this holds for any window it
    /// opens, even when the reported reset is late or rounded, or a slot for the next window was handed out early.
    /// </summary>
    private DateTimeOffset Spaced(DateTimeOffset at, DateTimeOffset now)
    {
        var span = WindowLength + SendAllowance;
        foreach (var (id, moment) in state.RecentSlots.ToList())
        {
            if (moment <= now - span)
            {
                state.RecentSlots.Remove(id);
            }
        }

        var perWindow = PerWindow;
        var recent = state.RecentSlots.Values.Order().ToList();
        while (true)
        {
            var within = recent.FindAll(moment => moment > at - span);
            if (within.Count < perWindow)
            {
                return at;
            }

            at = within[within.Count - perWindow] + span;
        }
    }

    /// <summary>The budget as seen at <paramref name="now"/>.</summary>
    public RateBudgetStatus Status(DateTimeOffset now)
    {
        ExpireLostSlots(now);
        CloseEndedWindow(now);
        return new RateBudgetStatus(
            Limit,
            state.WindowEndsAt is null ? Limit : state.Remaining,
            state.WindowEndsAt,
            state.RateLimitedUntil,
            state.InFlight.Count,
            state.RequestsThisWindow,
            state.RateLimitHits,
            state.TokenHint,
            WindowLength,
            (int)Math.Ceiling(Cost),
            state.LastUsedAt,
            SendAllowance
        );
    }

    /// <summary>
    /// Requests that <paramref name="points"/> pay for in full. The API would let one more take the budget below zero,
    /// but a request charged and not seen (a retry, a split, an answer lost) would then make it a 429.
    /// </summary>
    private int SlotsFor(int points) => points <= 0 ? 0 : (int)Math.Floor(points / Math.Max(1, Cost));

    private void CloseEndedWindow(DateTimeOffset now)
    {
        if (state.WindowEndsAt is { } end && now >= end + options.ResetMargin)
        {
            SettleCost();
            state.ClosedWindowEndsAt = end;
            state.WindowEndsAt = null;
            state.Remaining = Limit;
            state.RequestsThisWindow = 0;
            state.RateLimitedUntil = null;
        }
    }

    private void ExpireLostSlots(DateTimeOffset now)
    {
        foreach (var (id, expiresAt) in state.InFlight.ToList())
        {
            if (expiresAt <= now)
            {
                state.InFlight.Remove(id);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
