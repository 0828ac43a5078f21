using PHDB.Simulator.Configuration;
using PHDB.Simulator.World;

namespace PHDB.Simulator.Tests;

/// <summary>Seeded vote bursts: a monotonic vote timeline, the burst hour holds the burst, nothing else moves.</summary>
public sealed class VoteBurstTests
{
    private static SimulatorOptions Options(double share)
    {
        var options = new SimulatorOptions { Scale = 2_000 };
        options.VoteBursts.Share = share;
        options.VoteBursts.MinVotes = 50;
        return options;
    }

    [Fact]
    public void Burst_timelines_never_decrease_and_the_burst_hour_holds_exactly_the_bursts_votes()
    {
        var world = WorldGenerator.Generate(Options(1));
        Assert.True(world.VoteBursts.Count > 100, $"{world.VoteBursts.Count} bursts");
        foreach (var (post, burst) in world.VoteBursts)
        {
            var n = world.Posts[post].FinalVotes;
            Assert.InRange(burst.Hour, 24, 160);
            Assert.True(burst.Votes > 0);
            var start = burst.Hour * 3600;
            var inHour = 0;
            var previous = int.MinValue;
            for (var i = 0; i < n; i++)
            {
                var offset = burst.OffsetOf(i, n);
                Assert.True(offset >= previous, $"post {post}: vote {i} at {offset} before vote {i - 1} at {previous}");
                previous = offset;
                if (offset >= start && offset < start + 3600)
                {
                    inHour++;
                }

                if (i < burst.FirstOrdinal)
                {
                    Assert.Equal(Timeline.PostVoteOffset(i, n), offset);
                }
            }

            Assert.Equal(burst.Votes, inHour);
            Assert.Equal(burst.FirstOrdinal + burst.Votes, Timeline.CountAt(burst.Offset, n, start + 3599));
        }
    }

    [Fact]
    public void Bursts_move_only_the_vote_times_of_burst_posts()
    {
        var plain = WorldGenerator.Generate(Options(0));
        var bursty = WorldGenerator.Generate(Options(0.3));
        Assert.Empty(plain.VoteBursts);
        Assert.NotEmpty(bursty.VoteBursts);
        Assert.Equal(plain.Posts, bursty.Posts);
        Assert.Equal(plain.CommentBase, bursty.CommentBase);
        var now = plain.StartAt;
        for (var p = 0; p < plain.PostCount; p++)
        {
            var n = plain.Posts[p].FinalVotes;
            Assert.Equal(plain.PostCommentsAt(p, now), bursty.PostCommentsAt(p, now));
            if (bursty.VoteBurstOf(p) is not { } burst)
            {
                Assert.Equal(plain.PostVotesAt(p, now), bursty.PostVotesAt(p, now));
                for (var i = 0; i < n; i++)
                {
                    Assert.Equal(plain.PostVoteCreatedAt(p, i), bursty.PostVoteCreatedAt(p, i));
                }

                continue;
            }

            var burstStart = plain.Posts[p].ScheduledAt + (burst.Hour * 3600);
            for (var t = plain.Posts[p].ScheduledAt; t < burstStart; t += 1800)
            {
                Assert.Equal(plain.PostVotesAt(p, t), bursty.PostVotesAt(p, t));
            }

            Assert.Equal(n, bursty.PostVotesAt(p, int.MaxValue));
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(plain.PostVoter(p, i), bursty.PostVoter(p, i));
                Assert.Equal(plain.PostVoteId(p, i), bursty.PostVoteId(p, i));
            }
        }
    }

    [Fact]
    public void A_share_of_eligible_posts_close_to_the_option_gets_a_burst()
    {
        var world = WorldGenerator.Generate(Options(0.3));
        var eligible = world.Posts.Count(p => p.FinalVotes >= 50);
        var share = (double)world.VoteBursts.Count / eligible;
        Assert.InRange(share, 0.2, 0.4);
        Assert.All(world.VoteBursts.Keys, p => Assert.True(world.Posts[p].FinalVotes >= 50));
    }

    [Fact]
    public async Task The_truth_lists_the_bursts_and_the_api_serves_their_votes_in_the_burst_hour()
    {
        await using var host = await TestSimulator.StartAsync(o =>
        {
            o.Scale = 400;
            o.Clock.Speed = 0;
            o.RateLimit.Points = 100_000_000;
            o.VoteBursts.Share = 0.5;
            o.VoteBursts.MinVotes = 50;
        });
        var bursts = Api.Lines(await Api.TruthAsync(host, "vote_bursts")).ToArray();
        Assert.NotEmpty(bursts);
        var votes = Api.Lines(await Api.TruthAsync(host, "votes")).ToArray();
        foreach (var burst in bursts)
        {
            var postId = (string)burst["postId"]!;
            var startsAt = DateTimeOffset.Parse(
                (string)burst["startsAt"]!,
                System.Globalization.CultureInfo.InvariantCulture
            );
            var inHour = votes.Count(v =>
                (string)v["subjectType"]! == "Post"
                && (string)v["subjectId"]! == postId
                && DateTimeOffset.Parse((string)v["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture)
                    is var at
                && at >= startsAt
                && at < startsAt.AddHours(1)
            );
            Assert.Equal((int)burst["votesByNow"]!, inHour);
            Assert.InRange((int)burst["votesByNow"]!, 0, (int)burst["votes"]!);
        }

        var first = bursts.First(b => (int)b["votesByNow"]! == (int)b["votes"]!);
        var answer = (
            await Api.QueryAsync(
                host,
                "query($id: ID!, $after: DateTime!, $before: DateTime!) { post(id: $id) { votes(first: 20, createdAfter: $after, createdBefore: $before) { totalCount } } }",
                new
                {
                    id = (string)first["postId"]!,
                    after = (string)first["startsAt"]!,
                    before = DateTimeOffset
                        .Parse((string)first["endsAt"]!, System.Globalization.CultureInfo.InvariantCulture)
                        .AddSeconds(-1),
                }
            )
        ).EnsureData();
        Assert.Equal((int)first["votes"]!, (int)answer.Data!["post"]!["votes"]!["totalCount"]!);
    }
}
