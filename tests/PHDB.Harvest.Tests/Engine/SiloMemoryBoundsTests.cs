using System.Reflection;
using PHDB.Grains.Harvest;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>What keeps a silo's memory flat over a long posts phase (benchmarked in docs/benchmarks.md).</summary>
public sealed class SiloMemoryBoundsTests
{
    [Fact]
    public void Recently_stored_users_keep_two_generations_at_most()
    {
        var users = new RecentlyStoredUsers();
        var total = (RecentlyStoredUsers.GenerationSize * 3) + 7;
        users.AddRange(Enumerable.Range(1, total).Select(i => (long)i));

        Assert.True(users.Count <= 2 * RecentlyStoredUsers.GenerationSize, $"{users.Count} ids held");
        Assert.True(users.Contains(total), "the newest user is forgotten");
        Assert.True(users.Contains(total - RecentlyStoredUsers.GenerationSize), "the previous generation is forgotten");
        Assert.False(users.Contains(1), "the oldest user is still held");
        Assert.False(users.Contains(-1));
    }

    [Fact]
    public void Idle_post_grains_are_collected_within_minutes()
    {
        var limit = typeof(PostGrain).GetCustomAttribute<CollectionAgeLimitAttribute>();

        Assert.NotNull(limit);
        Assert.InRange(limit.AgeLimit, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }
}
