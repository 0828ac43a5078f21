namespace PHDB.Grains.RateBudgets;

/// <summary>
/// The rate budget of one API application (one token), keyed by the token's fingerprint, never the token.
/// Hands out request slots paced to spend the window's budget evenly up to its reset, and stops all slots
/// until the reset after a 429.
/// </summary>
[Alias("phdb.IRateBudgetGrain")]
public interface IRateBudgetGrain : IGrainWithStringKey
{
    /// <summary>Reserves the next request slot; the caller waits until its <see cref="RequestSlot.NotBefore"/>.</summary>
    [Alias("Acquire")]
    Task<RequestSlot> Acquire();

    /// <summary>Reports the budget a response carried for a slot.</summary>
    [Alias("Report")]
    Task Report(long slotId, BudgetObservation observation);

    /// <summary>
    /// Reports a 429 for a slot: no slot is handed out until <paramref name="resetIn"/> has passed. The budget the
    /// refusal reported, when it did, shows what the window spent before it.
    /// </summary>
    [Alias("ReportRateLimited")]
    Task ReportRateLimited(long slotId, TimeSpan resetIn, BudgetObservation? observation);

    /// <summary>Gives back a slot whose request was never sent or failed without a budget answer.</summary>
    [Alias("Release")]
    Task Release(long slotId);

    /// <summary>The budget as the grain sees it now.</summary>
    [Alias("GetStatus")]
    Task<RateBudgetStatus> GetStatus();
}
