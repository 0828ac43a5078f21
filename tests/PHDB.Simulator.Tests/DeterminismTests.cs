using PHDB.Simulator.Configuration;

namespace PHDB.Simulator.Tests;

/// <summary>The same seed and scale give the same world, byte for byte.</summary>
public sealed class DeterminismTests
{
    private static void Small(SimulatorOptions o)
    {
        o.Scale = 400;
        o.Clock.Speed = 0;
    }

    [Fact]
    public async Task Same_seed_gives_byte_identical_truth_and_answers()
    {
        await using var one = await TestSimulator.StartAsync(Small);
        await using var two = await TestSimulator.StartAsync(Small);
        foreach (
            var kind in new[]
            {
                "posts",
                "users",
                "topics",
                "collections",
                "comments",
                "votes",
                "post_topics",
                "post_makers",
                "collection_posts",
            }
        )
        {
            var first = await Api.TruthAsync(one, kind);
            Assert.False(string.IsNullOrEmpty(first), kind);
            Assert.Equal(first, await Api.TruthAsync(two, kind));
        }

        const string query =
            "{ posts(first: 20, order: VOTES) { edges { cursor node { id name tagline description slug votesCount commentsCount createdAt featuredAt media { type url videoUrl } productLinks { type url } comments(first: 3) { nodes { id body createdAt } } } } } }";
        Assert.Equal(
            (await Api.QueryAsync(one, query)).EnsureData().Body,
            (await Api.QueryAsync(two, query)).EnsureData().Body
        );
    }

    [Fact]
    public async Task Another_seed_gives_another_world()
    {
        await using var one = await TestSimulator.StartAsync(Small);
        await using var two = await TestSimulator.StartAsync(o =>
        {
            Small(o);
            o.Seed = 7;
        });
        Assert.NotEqual(await Api.TruthAsync(one, "posts"), await Api.TruthAsync(two, "posts"));
    }
}
