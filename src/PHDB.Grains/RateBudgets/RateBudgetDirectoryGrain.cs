namespace PHDB.Grains.RateBudgets;

/// <summary>The applications with a rate budget; see <see cref="IRateBudgetDirectoryGrain"/>.</summary>
public sealed class RateBudgetDirectoryGrain(
    [PersistentState("budgets", PhdbCluster.StateStorage)] IPersistentState<RateBudgetDirectoryState> state
) : Grain, IRateBudgetDirectoryGrain
{
    /// <inheritdoc />
    public async Task Register(string application)
    {
        ArgumentException.ThrowIfNullOrEmpty(application);
        if (!state.State.Applications.Contains(application))
        {
            state.State.Applications.Add(application);
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetApplications() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Applications]);
}
