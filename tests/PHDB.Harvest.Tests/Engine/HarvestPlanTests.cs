using PHDB.Grains.Harvest;

namespace PHDB.Harvest.Tests.Engine;

public sealed class HarvestPlanTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly HarvestOptions Options = new() { Epoch = Epoch, Window = TimeSpan.FromDays(60) };

    [Fact]
    public void A_full_harvest_reads_the_topics_the_collections_and_consecutive_windows_the_last_open_ended()
    {
        var now = new DateTimeOffset(2026, 6, 1, 8, 30, 0, TimeSpan.Zero);
        var plan = HarvestPlanner.Full(7, Options, now);
        Assert.Equal(
            [
                "run7/topics",
                "run7/collections",
                "run7/posts/2026-01-01T00:00:00Z..2026-03-01T23:59:59Z",
                "run7/posts/2026-03-02T00:00:00Z..2026-04-30T23:59:59Z",
                "run7/posts/2026-05-01T00:00:00Z..",
            ],
            plan.Select(p => p.Key)
        );
        Assert.Equal(new CrawlTask(CrawlTaskKind.Topics), plan[0].Root);
        Assert.Equal(new CrawlTask(CrawlTaskKind.Collections), plan[1].Root);
        Assert.Equal(
            new CrawlTask(
                CrawlTaskKind.PostsWindow,
                From: Epoch,
                To: new DateTimeOffset(2026, 3, 1, 23, 59, 59, TimeSpan.Zero)
            ),
            plan[2].Root
        );
        Assert.Equal(
            new CrawlTask(
                CrawlTaskKind.PostsWindow,
                From: new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero),
                To: new DateTimeOffset(2026, 4, 30, 23, 59, 59, TimeSpan.Zero)
            ),
            plan[3].Root
        );
        Assert.Equal(
            new CrawlTask(CrawlTaskKind.PostsWindow, From: new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)),
            plan[4].Root
        );
        Assert.All(plan.Skip(2), p => Assert.True(HarvestPlanner.IsPostsWindow(7, p.Key)));
        Assert.All(plan, p => Assert.False(HarvestPlanner.IsSweep(7, p.Key)));
        Assert.All(plan, p => Assert.False(HarvestPlanner.IsRefresh(7, p.Key)));
    }

    [Fact]
    public void A_full_harvest_whose_now_starts_a_window_opens_that_window_and_closes_the_one_before()
    {
        var options = new HarvestOptions { Epoch = Epoch, Window = TimeSpan.FromDays(1) };
        var plan = HarvestPlanner.Full(3, options, Epoch.AddDays(2));
        Assert.Equal(
            [
                "run3/topics",
                "run3/collections",
                "run3/posts/2026-01-01T00:00:00Z..2026-01-01T23:59:59Z",
                "run3/posts/2026-01-02T00:00:00Z..2026-01-02T23:59:59Z",
                "run3/posts/2026-01-03T00:00:00Z..",
            ],
            plan.Select(p => p.Key)
        );
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 23, 59, 59, TimeSpan.Zero), plan[3].Root.To);
        Assert.Null(plan[^1].Root.To);
    }

    [Fact]
    public void A_full_harvest_whose_now_is_the_epoch_is_one_open_window()
    {
        var plan = HarvestPlanner.Full(3, Options, Epoch);
        Assert.Equal(["run3/topics", "run3/collections", "run3/posts/2026-01-01T00:00:00Z.."], plan.Select(p => p.Key));
        Assert.Equal(new CrawlTask(CrawlTaskKind.PostsWindow, From: Epoch), plan[2].Root);
    }

    [Fact]
    public void A_full_harvest_before_the_epoch_still_reads_one_open_window_from_it()
    {
        var plan = HarvestPlanner.Full(3, Options, Epoch.AddDays(-1));
        Assert.Equal(["run3/topics", "run3/collections", "run3/posts/2026-01-01T00:00:00Z.."], plan.Select(p => p.Key));
        Assert.Equal(new CrawlTask(CrawlTaskKind.Topics), plan[0].Root);
        Assert.Equal(new CrawlTask(CrawlTaskKind.Collections), plan[1].Root);
        Assert.Equal(new CrawlTask(CrawlTaskKind.PostsWindow, From: Epoch), plan[2].Root);
    }

    [Fact]
    public void Windows_start_at_the_whole_second_of_the_epoch_in_utc()
    {
        var options = new HarvestOptions
        {
            Epoch = new DateTimeOffset(2026, 1, 1, 2, 0, 0, 750, TimeSpan.FromHours(2)),
            Window = TimeSpan.FromDays(60),
        };
        var plan = HarvestPlanner.Full(7, options, new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(
            [
                "run7/topics",
                "run7/collections",
                "run7/posts/2026-01-01T00:00:00Z..2026-03-01T23:59:59Z",
                "run7/posts/2026-03-02T00:00:00Z..",
            ],
            plan.Select(p => p.Key)
        );
        Assert.Equal(Epoch, plan[2].Root.From);
        Assert.Equal(TimeSpan.Zero, plan[2].Root.From!.Value.Offset);
        Assert.Equal(TimeSpan.Zero, plan[2].Root.To!.Value.Offset);
    }

    [Fact]
    public void A_sweep_until_the_epoch_is_one_lean_open_window_from_it()
    {
        var plan = HarvestPlanner.Sweep(7, Options, Epoch, comments: false);
        var only = Assert.Single(plan);
        Assert.Equal("run7/sweep/2026-01-01T00:00:00Z..", only.Key);
        Assert.Equal(new CrawlTask(CrawlTaskKind.PostsWindow, From: Epoch, Lean: true), only.Root);
        Assert.True(HarvestPlanner.IsSweep(7, only.Key));
        Assert.False(HarvestPlanner.IsCommentsSweep(7, only.Key));
    }

    [Fact]
    public void A_sweep_before_the_epoch_is_one_lean_open_window_from_it()
    {
        var plan = HarvestPlanner.Sweep(7, Options, Epoch.AddDays(-1), comments: false);
        var only = Assert.Single(plan);
        Assert.Equal("run7/sweep/2026-01-01T00:00:00Z..", only.Key);
        Assert.Equal(new CrawlTask(CrawlTaskKind.PostsWindow, From: Epoch, Lean: true), only.Root);
    }

    [Fact]
    public void A_comments_sweep_reads_every_window_s_comments_from_the_epoch()
    {
        var plan = HarvestPlanner.Sweep(7, Options, new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), true);
        Assert.Equal(
            [
                new CrawlTask(
                    CrawlTaskKind.PostsWindow,
                    From: Epoch,
                    To: new DateTimeOffset(2026, 3, 1, 23, 59, 59, TimeSpan.Zero),
                    RefreshCommentsFrom: Epoch,
                    Lean: true
                ),
                new CrawlTask(
                    CrawlTaskKind.PostsWindow,
                    From: new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero),
                    RefreshCommentsFrom: Epoch,
                    Lean: true
                ),
            ],
            plan.Select(p => p.Root)
        );
        Assert.Equal(
            [
                "run7/sweep-comments/2026-01-01T00:00:00Z..2026-03-01T23:59:59Z",
                "run7/sweep-comments/2026-03-02T00:00:00Z..",
            ],
            plan.Select(p => p.Key)
        );
    }

    [Theory]
    [InlineData("run7/sweep/2026-01-01T00:00:00Z..", true, false)]
    [InlineData("run7/sweep-comments/2026-01-01T00:00:00Z..", true, true)]
    [InlineData("run70/sweep/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run70/sweep-comments/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run8/sweep/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run7/posts/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run7/refresh/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run7/sweeps/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run7/sweep-commentsx/2026-01-01T00:00:00Z..", false, false)]
    public void Only_a_run_s_own_sweep_keys_are_its_sweeps(string key, bool sweep, bool commentsSweep)
    {
        Assert.Equal(sweep, HarvestPlanner.IsSweep(7, key));
        Assert.Equal(commentsSweep, HarvestPlanner.IsCommentsSweep(7, key));
    }

    [Theory]
    [InlineData("run7/posts/2026-01-01T00:00:00Z..", true, false)]
    [InlineData("run7/refresh/2026-01-01T00:00:00Z..", false, true)]
    [InlineData("run70/posts/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run70/refresh/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run7/postsx/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run7/refreshx/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run7/sweep/2026-01-01T00:00:00Z..", false, false)]
    [InlineData("run7/topics", false, false)]
    public void Only_a_run_s_own_posts_window_and_refresh_keys_are_its_posts_windows_and_refresh(
        string key,
        bool postsWindow,
        bool refresh
    )
    {
        Assert.Equal(postsWindow, HarvestPlanner.IsPostsWindow(7, key));
        Assert.Equal(refresh, HarvestPlanner.IsRefresh(7, key));
    }

    [Fact]
    public void The_whole_reads_and_checks_of_topics_and_collections_are_keyed_by_run()
    {
        Assert.Equal("run7/topics", HarvestPlanner.TopicsKey(7));
        Assert.Equal("run7/collections", HarvestPlanner.CollectionsKey(7));
        Assert.Equal("run7/topics/newest", HarvestPlanner.NewestTopicsKey(7));
        Assert.Equal("run7/collections/newest", HarvestPlanner.NewestCollectionsKey(7));
    }
}
