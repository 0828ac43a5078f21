using Microsoft.Extensions.Options;

namespace PHDB.Grains.RateBudgets;

/// <summary>One API application's rate budget; see <see cref="IRateBudgetGrain"/>.</summary>
public sealed class RateBudgetGrain(
    [PersistentState("budget", PhdbCluster.StateStorage)] IPersistentState<RateBudgetState> state,
    IOptions<RateBudgetOptions> options,
    TimeProvider timeProvider
) : Grain, IRateBudgetGrain
{
    private RateBudgetPacer Pacer => new(state.State, options.Value);

    /// <inheritdoc />
    public Task<RequestSlot> Acquire() => Task.FromResult(Pacer.Acquire(timeProvider.GetUtcNow()));

    /// <inheritdoc />
    public async Task Report(long slotId, BudgetObservation observation)
    {
        var window = state.State.WindowEndsAt;
        Pacer.Report(slotId, observation);
        if (state.State.WindowEndsAt != window)
        {
            // Persist once per window: a restarted grain then knows the window and its limit; the remaining
            // points it learns again from the next response.
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task ReportRateLimited(long slotId, TimeSpan resetIn)
    {
        Pacer.ReportRateLimited(slotId, resetIn, timeProvider.GetUtcNow());
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task Release(long slotId)
    {
        Pacer.Release(slotId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RateBudgetStatus> GetStatus() => Task.FromResult(Pacer.Status(timeProvider.GetUtcNow()));
}
