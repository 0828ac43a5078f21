namespace PHDB.IntegrationTests.Orleans;

/// <summary>A counter kept in PHDB's grain storage.</summary>
public interface IProbeCounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    Task<int> Current();
}

/// <summary>Counts the ticks of its own reminder, in PHDB's grain storage.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);

    Task<int> Ticks();
}

[GenerateSerializer, Alias("phdb.tests.ProbeCounterState")]
public sealed class ProbeCounterState
{
    [Id(0)]
    public int Value { get; set; }
}

public sealed class ProbeCounterGrain(
    [PersistentState("counter", PHDB.Grains.PhdbCluster.StateStorage)] IPersistentState<ProbeCounterState> state
) : Grain, IProbeCounterGrain
{
    public async Task<int> Add(int amount)
    {
        state.State.Value += amount;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> Current() => Task.FromResult(state.State.Value);
}

public sealed class ReminderProbeGrain(
    [PersistentState("ticks", PHDB.Grains.PhdbCluster.StateStorage)] IPersistentState<ProbeCounterState> state
) : Grain, IReminderProbeGrain, IRemindable
{
    public async Task Start(TimeSpan period) =>
        await this.RegisterOrUpdateReminder("probe", TimeSpan.FromSeconds(1), period);

    public Task<int> Ticks() => Task.FromResult(state.State.Value);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Value++;
        await state.WriteStateAsync();
    }
}
