using System.Reflection;
using PHDB.Grains.Harvest;
using PHDB.Testing;
using PHDB.Testing.Harvest;

namespace PHDB.Harvest.Tests.Engine;

/// <summary>What keeps a silo's memory flat over a long posts phase (benchmarked in docs/benchmarks.md).</summary>
public sealed class SiloMemoryBoundsTests(PostgresServer postgres)
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

    [Fact]
    public async Task A_partition_remembers_a_bounded_number_of_users_it_read()
    {
        await using var cluster = await HandDrivenHarvest.StartAsync(
            postgres,
            "read_users",
            cancellationToken: TestContext.Current.CancellationToken
        );
        var partition = cluster.Client.GetGrain<ICrawlPartitionGrain>("bounds/posts/2020");
        var root = new CrawlTask(CrawlTaskKind.PostsWindow, From: DateTimeOffset.UnixEpoch, To: DateTimeOffset.UtcNow);
        await partition.Plan(root);
        var users = Enumerable.Range(1, CrawlPartitionGrain.ReadUsersLimit + 1).Select(i => (long)i).ToList();
        var referred = await partition.Complete([new TaskOutcome(root, "p1", 1, [.. users.Select(Refer)])]);
        Assert.Equal(users.Count, referred.PendingSubjects);

        var read = await partition.Complete([
            .. users.Select(u => new TaskOutcome(new CrawlTask(CrawlTaskKind.User, u), null, 1, [])),
        ]);
        Assert.Equal(0, read.PendingSubjects);

        // The set filled at the limit and started over: the last user is remembered, the first one is read again.
        var again = await partition.Complete([
            new TaskOutcome(root with { After = "p1" }, "p2", 1, [Refer(users[0]), Refer(users[^1])]),
        ]);
        Assert.Equal(1, again.PendingSubjects);

        static DiscoveredSubject Refer(long user) => new(CrawlTaskKind.User, user);
    }
}
