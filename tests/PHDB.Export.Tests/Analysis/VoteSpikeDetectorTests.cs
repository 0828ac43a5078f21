using PHDB.Export.Analysis;

namespace PHDB.Export.Tests.Analysis;

public sealed class VoteSpikeDetectorTests
{
    [Fact]
    public void A_burst_days_after_launch_is_found_at_its_hour()
    {
        var curves = Curves.Reference();
        var votes = Curves.Smooth(250);
        votes[50] += 20;
        curves.Add(Curves.Curve(7, votes));

        var spikes = new VoteSpikeDetector().Detect(curves);

        var spike = Assert.Single(spikes);
        Assert.Equal(7, spike.PostId);
        Assert.Equal(50, spike.Hour);
        Assert.Equal(Curves.Launch.AddDays(7).AddHours(50), spike.HourStart);
        Assert.Equal(votes[50], spike.Votes);
        Assert.Equal(votes.Sum(), spike.PostVotes);
        Assert.True(spike.Share > spike.Bound);
        Assert.Equal(spike.ExpectedShare + (VoteSpikeOptions.Default.K * spike.Mad), spike.Bound, 12);
        Assert.True(spike.Score > VoteSpikeOptions.Default.K);
    }

    [Fact]
    public void A_smooth_popular_curve_is_not_flagged_however_large_its_launch_hour()
    {
        var curves = Curves.Reference();
        curves.Add(Curves.Curve(8, Curves.Smooth(5_000)));
        curves.Add(Curves.Curve(9, Curves.Smooth(40_000)));

        Assert.Empty(new VoteSpikeDetector().Detect(curves));
    }

    [Fact]
    public void K_decides_whether_a_moderate_burst_is_a_spike()
    {
        var curves = Curves.Reference();
        var votes = Curves.Smooth(200);
        votes[100] += 6;
        curves.Add(Curves.Curve(7, votes));

        var loose = new VoteSpikeDetector(new VoteSpikeOptions { K = 3 }).Detect(curves);
        var strict = new VoteSpikeDetector(new VoteSpikeOptions { K = 12 }).Detect(curves);

        Assert.Equal((7L, 100), Assert.Single(loose) is var s ? (s.PostId, s.Hour) : default);
        Assert.Empty(strict);
    }

    [Fact]
    public void Small_posts_incomplete_curves_and_too_few_comparable_posts_are_not_tested()
    {
        var curves = Curves.Reference();
        var small = new int[168];
        small[0] = 10;
        small[60] = 9;
        curves.Add(Curves.Curve(1, small));
        var recent = Curves.Smooth(300);
        recent[30] += 60;
        curves.Add(Curves.Curve(2, recent, complete: false));
        Assert.Empty(new VoteSpikeDetector().Detect(curves));

        var burst = Curves.Smooth(300);
        burst[30] += 60;
        List<PostVoteCurve> few = [.. Curves.Reference().Take(5), Curves.Curve(3, burst)];
        Assert.Empty(new VoteSpikeDetector().Detect(few));
        Assert.Single(new VoteSpikeDetector(new VoteSpikeOptions { MinReferencePosts = 5 }).Detect(few));
    }

    [Fact]
    public void Spikes_become_one_finding_per_post_and_rows_of_vote_spikes()
    {
        var curves = Curves.Reference();
        var votes = Curves.Smooth(250);
        votes[50] += 20;
        votes[120] += 40;
        curves.Add(Curves.Curve(7, votes));
        var spikes = new VoteSpikeDetector().Detect(curves);
        Assert.Equal([50, 120], spikes.Select(s => s.Hour));

        var finding = Assert.Single(VoteSpikeFindings.ToFindings(spikes, 6));
        Assert.Equal(("post", 7L, "vote_spike"), (finding.Entity, finding.EntityId, finding.Check));
        Assert.StartsWith($"{votes[120]} votes in hour 120 after launch", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("k = 6", finding.Detail, StringComparison.Ordinal);
        Assert.EndsWith("1 more hour of this post also spiked.", finding.Detail, StringComparison.Ordinal);

        var batches = VoteSpikeTable.ToBatches(spikes, batchRows: 1).ToList();
        Assert.Equal(2, batches.Count);
        Assert.Null(VoteSpikeTable.Table.Query);
        var rows = VoteSpikeTable
            .ToBatches(spikes)
            .SelectMany(b =>
                Enumerable
                    .Range(0, b.Count)
                    .Select(r =>
                        (Post: b.Int64s(0)[r], Hour: b.Int32s(1)[r], Votes: b.Int32s(3)[r], Score: b.Doubles(10)[r])
                    )
            )
            .ToList();
        Assert.Equal(spikes.Select(s => ((long?)s.PostId, (int?)s.Hour, (int?)s.Votes, (double?)s.Score)), rows);
    }
}
