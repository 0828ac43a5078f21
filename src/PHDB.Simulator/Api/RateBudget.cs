namespace PHDB.Simulator.Api;

/// <summary>
/// One application's fixed, lazy rate-limit window: it starts at the first request after the previous one expired;
/// a request is served while the remaining points are above zero, so the remainder can go negative.
/// </summary>
internal sealed class RateBudget(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _windowStart = -1;
    private int _remaining = limit;

    public int Limit { get; } = limit;

    /// <summary>The budget as it stands, without charging or starting a window.</summary>
    public RateDecision Peek()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_windowStart < 0 || time.GetElapsedTime(_windowStart, now) >= window)
            {
                return new RateDecision(Limit, Limit, (int)Math.Ceiling(window.TotalSeconds), true);
            }

            var resetIn = (int)Math.Ceiling((window - time.GetElapsedTime(_windowStart, now)).TotalSeconds);
            return new RateDecision(Limit, _remaining, Math.Max(0, resetIn), _remaining > 0);
        }
    }

    /// <summary>Takes <paramref name="cost"/> off the budget if any is left; the decision shows the budget before it.</summary>
    public RateDecision Charge(int cost)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_windowStart < 0 || time.GetElapsedTime(_windowStart, now) >= window)
            {
                _windowStart = now;
                _remaining = Limit;
            }

            var resetIn = (int)Math.Ceiling((window - time.GetElapsedTime(_windowStart, now)).TotalSeconds);
            var before = _remaining;
            var allowed = before > 0;
            if (allowed)
            {
                _remaining -= cost;
            }

            return new RateDecision(Limit, before, Math.Max(0, resetIn), allowed);
        }
    }

    /// <summary>Takes <paramref name="points"/> more off a request already let through (its complexity, once counted).</summary>
    public void ChargeMore(int points)
    {
        lock (_gate)
        {
            if (_windowStart >= 0 && time.GetElapsedTime(_windowStart) < window)
            {
                _remaining -= points;
            }
        }
    }
}
