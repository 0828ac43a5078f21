namespace PHDB.Grains.Harvest;

/// <summary>A topic's freshness; see <see cref="ITopicGrain"/>.</summary>
public sealed class TopicGrain(
    [PersistentState("topic", PhdbCluster.StateStorage)] IPersistentState<TopicFreshness> state
) : Grain, ITopicGrain
{
    /// <inheritdoc />
    public async Task Observe(int followersCount, int postsCount, DateTimeOffset observedAt)
    {
        var last = state.State;
        if (last?.RefreshedAt is { } refreshed && refreshed >= observedAt)
        {
            return;
        }

        var changed = last is null || last.FollowersCount != followersCount || last.PostsCount != postsCount;
        state.State = new TopicFreshness(
            followersCount,
            postsCount,
            observedAt,
            (last?.Changes ?? 0) + (changed ? 1 : 0)
        );
        await state.WriteStateAsync();
    }

    /// <inheritdoc />
    public Task<TopicFreshness> GetFreshness() =>
        Task.FromResult(state.State ?? new TopicFreshness(null, null, null, 0));

    /// <inheritdoc />
    public Task<bool> NeedsRefresh(TimeSpan maxAge, DateTimeOffset now) =>
        Task.FromResult(state.State?.RefreshedAt is not { } refreshed || now - refreshed > maxAge);
}
