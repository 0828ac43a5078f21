using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PHDB.Grains.Harvest;
using PHDB.Grains.Harvest.Events;

namespace PHDB.Grains.RateBudgets;

/// <summary>
/// One API application's rate budget; see <see cref="IRateBudgetGrain"/>. While its budget moves it publishes
/// <see cref="RateBudgetChanged"/> on the harvest event stream, at most once per <see cref="PublishInterval"/>.
/// </summary>
public sealed partial class RateBudgetGrain(
    [PersistentState("budget", PhdbCluster.StateStorage)] IPersistentState<RateBudgetState> state,
    IOptions<RateBudgetOptions> options,
    TimeProvider timeProvider,
    ILogger<RateBudgetGrain> logger
) : Grain, IRateBudgetGrain
{
    /// <summary>The shortest time between two published budget changes.</summary>
    public static readonly TimeSpan PublishInterval = TimeSpan.FromSeconds(1);

    private bool changed;

    private RateBudgetPacer Pacer => new(state.State, options.Value);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(PublishIfChangedAsync, PublishInterval, PublishInterval);
        try
        {
            // For the console's list of budgets only: it must never keep the budget, and so the harvest, down.
            await GrainFactory.GetGrain<IRateBudgetDirectoryGrain>(0).Register(this.GetPrimaryKeyString());
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            LogRegisterFailed(logger, this.GetPrimaryKeyString(), e);
        }
    }

    /// <inheritdoc />
    public async Task<RequestSlot> Acquire()
    {
        changed = true;
        var slot = Pacer.Acquire(timeProvider.GetUtcNow());
        try
        {
            // Every slot handed out is kept: a grain activated again (its silo restarted or gone) then knows the
            // requests the API's open window may already hold, and does not hand out a window's worth on top of them.
            await state.WriteStateAsync();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or Npgsql.NpgsqlException)
        {
            // The slot stands (this activation knows it); only a restart before the next write would forget it.
            LogSlotNotKept(logger, this.GetPrimaryKeyString(), e);
        }

        return slot;
    }

    /// <inheritdoc />
    public async Task Report(long slotId, BudgetObservation observation)
    {
        changed = true;
        var window = state.State.WindowEndsAt;
        Pacer.Report(slotId, observation);
        if (state.State.WindowEndsAt != window)
        {
            // Persist as a window opens: a restarted grain then knows the window and its limit; the remaining
            // points it learns again from the next response.
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task ReportRateLimited(long slotId, TimeSpan resetIn, BudgetObservation? observation)
    {
        changed = true;
        Pacer.ReportRateLimited(slotId, resetIn, timeProvider.GetUtcNow(), observation);
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task Release(long slotId)
    {
        changed = true;
        Pacer.Release(slotId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RateBudgetStatus> GetStatus() => Task.FromResult(Pacer.Status(timeProvider.GetUtcNow()));

    private async Task PublishIfChangedAsync(CancellationToken cancellationToken)
    {
        if (!changed)
        {
            return;
        }

        changed = false;
        var now = timeProvider.GetUtcNow();
        await this.GetStreamProvider(HarvestEvents.Provider)
            .TryPublishAsync(new RateBudgetChanged(now, this.GetPrimaryKeyString(), Pacer.Status(now)), logger);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep the slots of the budget of {Application}")]
    private static partial void LogSlotNotKept(ILogger logger, string application, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not list the budget of {Application} in the directory")]
    private static partial void LogRegisterFailed(ILogger logger, string application, Exception exception);
}
