using PHDB.Grains.Harvest;
using PHDB.Operations;

namespace PHDB.Admin.Tests.Live;

public sealed class HarvestPaceWatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static HarvestStatus Status(HarvestPhase phase, long runId = 1, int partitions = 2) =>
        new(HarvestMode.Full, phase, runId, T0, null, partitions, 0, 0, 0, null, null);

    private static PartitionProgress[] Pages(long a, long b) =>
        [
            new("run1/posts/a", PartitionStatus.Running, null, a, 0, 0, 0, null, T0, Points: a),
            new("run1/posts/b", PartitionStatus.Running, null, b, 0, 0, 0, null, T0, Points: b),
        ];

    [Fact]
    public void The_pace_is_the_points_committed_over_the_time_watched_and_covers_about_the_last_span()
    {
        var watch = new HarvestPaceWatch(TimeSpan.FromSeconds(60));
        Assert.Null(watch.Current);

        watch.Observe(Status(HarvestPhase.Running), Pages(100, 50), T0);
        Assert.Null(watch.Current);
        watch.Observe(Status(HarvestPhase.Running), Pages(110, 60), T0.AddSeconds(10));
        Assert.Equal(new HarvestPace(20, TimeSpan.FromSeconds(10)), watch.Current);

        // After the span, the early samples drop out: the pace is the recent one.
        for (var s = 20; s <= 120; s += 10)
        {
            watch.Observe(Status(HarvestPhase.Running), Pages(110 + s, 60), T0.AddSeconds(s));
        }

        Assert.Equal(new HarvestPace(60, TimeSpan.FromSeconds(60)), watch.Current);
        Assert.Equal(1, watch.Current!.PointsPerSecond);
    }

    [Fact]
    public void Subjects_done_are_those_the_partitions_no_longer_count_as_having_work_left_and_a_count_read_back_is_skipped()
    {
        var watch = new HarvestPaceWatch(TimeSpan.FromSeconds(60));
        watch.Observe(Status(HarvestPhase.Running), WithPending(100, 40), T0);
        watch.Observe(Status(HarvestPhase.Running), WithPending(90, 30), T0.AddSeconds(5));
        watch.Observe(Status(HarvestPhase.Running), WithPending(140, 25), T0.AddSeconds(10));
        Assert.Equal(new HarvestPace(40, TimeSpan.FromSeconds(10), SubjectsDone: 15), watch.Current);
        Assert.Equal(40 / 15.0, watch.Current!.PointsPerSubject);

        static PartitionProgress[] WithPending(long pages, int pending) =>
            [
                new(
                    "run1/posts/a",
                    PartitionStatus.Running,
                    null,
                    pages,
                    0,
                    pending,
                    0,
                    null,
                    T0,
                    RootExhausted: true,
                    Points: pages
                ),
                new("run1/posts/b", PartitionStatus.Done, null, 0, 0, 0, 0, null, T0),
            ];
    }

    [Fact]
    public void A_pause_another_run_or_partitions_not_all_known_start_the_measure_over_or_are_not_sampled()
    {
        var watch = new HarvestPaceWatch(TimeSpan.FromSeconds(60));
        watch.Observe(Status(HarvestPhase.Running), Pages(100, 50), T0);
        watch.Observe(Status(HarvestPhase.Running), Pages(110, 50), T0.AddSeconds(10));

        // Only one partition of two known: not the run's sum.
        watch.Observe(Status(HarvestPhase.Running), Pages(0, 50)[1..], T0.AddSeconds(15));
        Assert.Equal(new HarvestPace(10, TimeSpan.FromSeconds(10)), watch.Current);

        watch.Observe(Status(HarvestPhase.Paused), Pages(110, 50), T0.AddSeconds(20));
        Assert.Null(watch.Current);

        watch.Observe(Status(HarvestPhase.Running), Pages(110, 50), T0.AddSeconds(600));
        watch.Observe(Status(HarvestPhase.Running), Pages(115, 50), T0.AddSeconds(605));
        Assert.Equal(new HarvestPace(5, TimeSpan.FromSeconds(5)), watch.Current);

        watch.Observe(Status(HarvestPhase.Running, runId: 2), Pages(1, 0), T0.AddSeconds(610));
        Assert.Null(watch.Current);
    }

    [Fact]
    public void The_recent_pace_is_the_one_over_the_latest_half_of_the_time_watched()
    {
        // A resumed run: 2 pages a second while its grains come back, then 10.
        var watch = new HarvestPaceWatch(TimeSpan.FromSeconds(60));
        watch.Observe(Status(HarvestPhase.Running), Pages(100, 0), T0);
        Assert.Null(watch.Recent);
        for (var s = 1; s <= 10; s++)
        {
            var pages = s <= 5 ? 100 + (2 * s) : 110 + (10 * (s - 5));
            watch.Observe(Status(HarvestPhase.Running), Pages(pages, 0), T0.AddSeconds(s));
        }

        Assert.Equal(new HarvestPace(60, TimeSpan.FromSeconds(10)), watch.Current);
        Assert.Equal(new HarvestPace(50, TimeSpan.FromSeconds(5)), watch.Recent);
    }
}
