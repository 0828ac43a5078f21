using PHDB.Grains.Harvest;

namespace PHDB.Harvest.Tests.Engine;

public sealed class IncrementalPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Newest = new(2026, 6, 1, 8, 30, 0, TimeSpan.Zero);
    private static readonly HarvestOptions Options = new();

    /// <summary>What a run that just read everything leaves: every mark set, every whole read a minute old.</summary>
    private static readonly HarvestMarks Fresh = new(
        HighWaterMark: Newest,
        NewestTopic: Newest.AddDays(-30),
        NewestCollection: Newest.AddDays(-2),
        RefreshedAt: Now.AddMinutes(-1),
        TopicsReadAt: Now.AddMinutes(-1),
        CollectionsReadAt: Now.AddMinutes(-1),
        SweptAt: Now.AddMinutes(-1),
        CommentsSweptAt: Now.AddMinutes(-1)
    );

    private static readonly IncrementalCheckResult Quiet = new(Newest, Newest.AddDays(-30), Newest.AddDays(-2));

    [Fact]
    public void Quiet_checks_call_for_nothing()
    {
        Assert.False(HarvestPlanner.FollowUpsNeeded(Options, Fresh, Quiet, Now).Any);
        Assert.Empty(HarvestPlanner.FollowUps(1, Options, Newest, new IncrementalFollowUps(false, false, false)));
    }

    [Fact]
    public void A_check_that_read_nothing_at_all_calls_for_nothing()
    {
        var empty = new IncrementalCheckResult(null, null, null);
        Assert.False(HarvestPlanner.FollowUpsNeeded(Options, Fresh, empty, Now).Any);
    }

    [Fact]
    public void A_new_post_calls_for_everything()
    {
        var check = Quiet with { NewestPost = Newest.AddSeconds(1) };
        Assert.Equal(
            new IncrementalFollowUps(true, true, true),
            HarvestPlanner.FollowUpsNeeded(Options, Fresh, check, Now)
        );
    }

    [Fact]
    public void A_new_topic_or_collection_calls_for_its_catalogue_only()
    {
        Assert.Equal(
            new IncrementalFollowUps(false, true, false),
            HarvestPlanner.FollowUpsNeeded(Options, Fresh, Quiet with { NewestTopic = Newest }, Now)
        );
        Assert.Equal(
            new IncrementalFollowUps(false, false, true),
            HarvestPlanner.FollowUpsNeeded(Options, Fresh, Quiet with { NewestCollection = Newest }, Now)
        );
    }

    [Fact]
    public void Each_whole_read_falls_due_after_its_interval()
    {
        var refreshDue = Fresh with { RefreshedAt = Now - Options.RefreshInterval };
        Assert.Equal(
            new IncrementalFollowUps(true, false, false),
            HarvestPlanner.FollowUpsNeeded(Options, refreshDue, Quiet, Now)
        );
        var refreshNotYet = Fresh with { RefreshedAt = Now - Options.RefreshInterval + TimeSpan.FromSeconds(1) };
        Assert.False(HarvestPlanner.FollowUpsNeeded(Options, refreshNotYet, Quiet, Now).Any);
        var topicsDue = Fresh with { TopicsReadAt = Now - Options.CatalogueInterval };
        Assert.Equal(
            new IncrementalFollowUps(false, true, false),
            HarvestPlanner.FollowUpsNeeded(Options, topicsDue, Quiet, Now)
        );
        var collectionsDue = Fresh with { CollectionsReadAt = Now - Options.CatalogueInterval };
        Assert.Equal(
            new IncrementalFollowUps(false, false, true),
            HarvestPlanner.FollowUpsNeeded(Options, collectionsDue, Quiet, Now)
        );
    }

    [Fact]
    public void Marks_never_set_call_for_everything_and_zero_intervals_read_everything_on_every_run()
    {
        var none = new HarvestMarks(null, null, null, null, null, null);
        Assert.Equal(
            new IncrementalFollowUps(true, true, true, Sweep: true, SweepComments: true),
            HarvestPlanner.FollowUpsNeeded(Options, none, Quiet, Now)
        );
        var always = new HarvestOptions
        {
            RefreshInterval = TimeSpan.Zero,
            CatalogueInterval = TimeSpan.Zero,
            SweepInterval = TimeSpan.Zero,
            SweepCommentsInterval = TimeSpan.Zero,
        };
        Assert.Equal(
            new IncrementalFollowUps(true, true, true, Sweep: true, SweepComments: true),
            HarvestPlanner.FollowUpsNeeded(always, Fresh, Quiet, Now)
        );
    }

    [Fact]
    public void Checks_are_one_open_window_from_the_look_back_and_the_newest_pages()
    {
        var plan = HarvestPlanner.IncrementalChecks(7, Options, Newest);
        Assert.Equal(
            ["run7/posts/2026-06-01T06:30:00Z..", "run7/topics/newest", "run7/collections/newest"],
            plan.Select(p => p.Key)
        );
        Assert.Equal(new CrawlTask(CrawlTaskKind.PostsWindow, From: Newest - Options.LookBack), plan[0].Root);
        Assert.True(plan[1].Root is { Kind: CrawlTaskKind.Topics, NewestPageOnly: true });
        Assert.True(plan[2].Root is { Kind: CrawlTaskKind.Collections, NewestPageOnly: true });
        Assert.True(HarvestPlanner.IsPostsWindow(7, plan[0].Key));
        Assert.False(HarvestPlanner.IsRefresh(7, plan[0].Key));
    }

    [Fact]
    public void The_refresh_reaches_back_the_refresh_period_and_re_reads_the_newest_posts_comments()
    {
        var plan = HarvestPlanner.FollowUps(7, Options, Newest, new IncrementalFollowUps(true, true, true));
        Assert.Equal(
            ["run7/refresh/2026-05-25T08:30:00Z..", HarvestPlanner.TopicsKey(7), HarvestPlanner.CollectionsKey(7)],
            plan.Select(p => p.Key)
        );
        Assert.Equal(
            new CrawlTask(
                CrawlTaskKind.PostsWindow,
                From: Newest - Options.RefreshRecent,
                RefreshCommentsFrom: Newest - Options.RefreshComments
            ),
            plan[0].Root
        );
        Assert.True(HarvestPlanner.IsRefresh(7, plan[0].Key));
        Assert.False(HarvestPlanner.IsPostsWindow(7, plan[0].Key));
        Assert.Equal(new CrawlTask(CrawlTaskKind.Topics), plan[1].Root);
        Assert.Equal(new CrawlTask(CrawlTaskKind.Collections), plan[2].Root);
    }

    [Fact]
    public void The_sweep_falls_due_daily_and_re_reads_all_comments_weekly()
    {
        Assert.Equal(
            new IncrementalFollowUps(false, false, false, Sweep: true),
            HarvestPlanner.FollowUpsNeeded(Options, Fresh with { SweptAt = Now - Options.SweepInterval }, Quiet, Now)
        );
        var notYet = Fresh with { SweptAt = Now - Options.SweepInterval + TimeSpan.FromSeconds(1) };
        Assert.False(HarvestPlanner.FollowUpsNeeded(Options, notYet, Quiet, Now).Any);

        // Comments due alone still sweep: the comments are reached through the listing.
        var commentsDue = Fresh with
        {
            CommentsSweptAt = Now - Options.SweepCommentsInterval,
        };
        Assert.Equal(
            new IncrementalFollowUps(false, false, false, Sweep: true, SweepComments: true),
            HarvestPlanner.FollowUpsNeeded(Options, commentsDue, Quiet, Now)
        );
    }

    [Fact]
    public void A_sweep_is_lean_windows_over_the_whole_history_the_last_open_ended()
    {
        var options = new HarvestOptions
        {
            Epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Window = TimeSpan.FromDays(60),
        };
        var plan = HarvestPlanner.FollowUps(
            7,
            options,
            Newest,
            new IncrementalFollowUps(false, false, false, Sweep: true)
        );
        Assert.Equal(
            [
                "run7/sweep/2026-01-01T00:00:00Z..2026-03-01T23:59:59Z",
                "run7/sweep/2026-03-02T00:00:00Z..2026-04-30T23:59:59Z",
                "run7/sweep/2026-05-01T00:00:00Z..",
            ],
            plan.Select(p => p.Key)
        );
        Assert.All(plan, p => Assert.True(p.Root is { Kind: CrawlTaskKind.PostsWindow, Lean: true, After: null }));
        Assert.All(plan, p => Assert.Null(p.Root.RefreshCommentsFrom));
        Assert.Null(plan[^1].Root.To);
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 23, 59, 59, TimeSpan.Zero), plan[1].Root.To);
        Assert.All(plan, p => Assert.True(HarvestPlanner.IsSweep(7, p.Key)));
        Assert.All(plan, p => Assert.False(HarvestPlanner.IsCommentsSweep(7, p.Key)));
        Assert.All(plan, p => Assert.False(HarvestPlanner.IsPostsWindow(7, p.Key)));

        var withComments = HarvestPlanner.FollowUps(
            7,
            options,
            Newest,
            new IncrementalFollowUps(false, false, false, Sweep: true, SweepComments: true)
        );
        Assert.Equal(3, withComments.Count);
        Assert.All(withComments, p => Assert.True(HarvestPlanner.IsCommentsSweep(7, p.Key)));
        Assert.All(withComments, p => Assert.True(HarvestPlanner.IsSweep(7, p.Key)));
        Assert.All(withComments, p => Assert.Equal(options.Epoch, p.Root.RefreshCommentsFrom));

        // An epoch moved past everything stored still sweeps, with the comments when asked.
        var late = HarvestPlanner.Sweep(7, options, options.Epoch.AddDays(-1), comments: true);
        var only = Assert.Single(late);
        Assert.Equal("run7/sweep-comments/2026-01-01T00:00:00Z..", only.Key);
        Assert.True(only.Root is { Lean: true, To: null });
        Assert.Equal(options.Epoch, only.Root.RefreshCommentsFrom);
    }

    [Fact]
    public void A_post_seen_with_no_high_water_mark_calls_for_everything()
    {
        Assert.Equal(
            new IncrementalFollowUps(true, true, true),
            HarvestPlanner.FollowUpsNeeded(Options, Fresh with { HighWaterMark = null }, Quiet, Now)
        );
    }

    [Fact]
    public void A_newest_post_older_than_the_high_water_mark_calls_for_nothing()
    {
        var check = Quiet with { NewestPost = Newest.AddSeconds(-1) };
        Assert.False(HarvestPlanner.FollowUpsNeeded(Options, Fresh, check, Now).Any);
    }

    [Fact]
    public void A_topic_or_collection_when_none_is_stored_calls_for_its_catalogue()
    {
        Assert.Equal(
            new IncrementalFollowUps(false, true, false),
            HarvestPlanner.FollowUpsNeeded(Options, Fresh with { NewestTopic = null }, Quiet, Now)
        );
        Assert.Equal(
            new IncrementalFollowUps(false, false, true),
            HarvestPlanner.FollowUpsNeeded(Options, Fresh with { NewestCollection = null }, Quiet, Now)
        );
    }

    [Fact]
    public void A_topic_or_collection_older_than_the_stored_one_calls_for_nothing()
    {
        var check = Quiet with { NewestTopic = Fresh.NewestTopic!.Value.AddDays(-1) };
        Assert.False(HarvestPlanner.FollowUpsNeeded(Options, Fresh, check, Now).Any);
        check = Quiet with { NewestCollection = Fresh.NewestCollection!.Value.AddDays(-1) };
        Assert.False(HarvestPlanner.FollowUpsNeeded(Options, Fresh, check, Now).Any);
    }

    [Fact]
    public void The_catalogues_are_not_due_a_second_before_their_interval()
    {
        var topics = Fresh with { TopicsReadAt = Now - Options.CatalogueInterval + TimeSpan.FromSeconds(1) };
        Assert.False(HarvestPlanner.FollowUpsNeeded(Options, topics, Quiet, Now).Any);
        var collections = Fresh with { CollectionsReadAt = Now - Options.CatalogueInterval + TimeSpan.FromSeconds(1) };
        Assert.False(HarvestPlanner.FollowUpsNeeded(Options, collections, Quiet, Now).Any);
        var comments = Fresh with { CommentsSweptAt = Now - Options.SweepCommentsInterval + TimeSpan.FromSeconds(1) };
        Assert.False(HarvestPlanner.FollowUpsNeeded(Options, comments, Quiet, Now).Any);
    }

    [Fact]
    public void Without_a_high_water_mark_the_checks_read_from_the_epoch_less_the_look_back()
    {
        var plan = HarvestPlanner.IncrementalChecks(7, Options, null);
        Assert.Equal("run7/posts/2013-10-31T22:00:00Z..", plan[0].Key);
        Assert.Equal(new CrawlTask(CrawlTaskKind.PostsWindow, From: Options.Epoch - Options.LookBack), plan[0].Root);
    }

    [Fact]
    public void The_checks_window_starts_at_a_whole_second_in_utc()
    {
        var mark = new DateTimeOffset(2026, 6, 1, 10, 30, 0, 400, TimeSpan.FromHours(2));
        var plan = HarvestPlanner.IncrementalChecks(7, Options, mark);
        Assert.Equal("run7/posts/2026-06-01T06:30:00Z..", plan[0].Key);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 6, 30, 0, TimeSpan.Zero), plan[0].Root.From);
        Assert.Equal(TimeSpan.Zero, plan[0].Root.From!.Value.Offset);
    }

    [Fact]
    public void The_refresh_reaches_back_the_look_back_when_that_is_longer()
    {
        var options = new HarvestOptions { LookBack = TimeSpan.FromDays(10), RefreshRecent = TimeSpan.FromDays(1) };
        var plan = HarvestPlanner.FollowUps(7, options, Newest, new IncrementalFollowUps(true, false, false));
        var only = Assert.Single(plan);
        Assert.Equal("run7/refresh/2026-05-22T08:30:00Z..", only.Key);
        Assert.Equal(Newest - options.LookBack, only.Root.From);
    }

    [Fact]
    public void Without_a_comments_period_the_refresh_re_reads_no_comments()
    {
        var options = new HarvestOptions { RefreshComments = TimeSpan.Zero };
        var plan = HarvestPlanner.FollowUps(7, options, Newest, new IncrementalFollowUps(true, false, false));
        Assert.Equal(
            new CrawlTask(CrawlTaskKind.PostsWindow, From: Newest - options.RefreshRecent),
            Assert.Single(plan).Root
        );
    }

    [Fact]
    public void Without_a_high_water_mark_the_refresh_and_the_sweep_start_from_the_epoch()
    {
        var options = new HarvestOptions { Epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var plan = HarvestPlanner.FollowUps(
            7,
            options,
            null,
            new IncrementalFollowUps(true, true, true, Sweep: true, SweepComments: true)
        );
        Assert.Equal(
            [
                "run7/refresh/2025-12-25T00:00:00Z..",
                "run7/sweep-comments/2026-01-01T00:00:00Z..",
                "run7/topics",
                "run7/collections",
            ],
            plan.Select(p => p.Key)
        );
        Assert.Equal(
            new CrawlTask(
                CrawlTaskKind.PostsWindow,
                From: options.Epoch - options.RefreshRecent,
                RefreshCommentsFrom: options.Epoch - options.RefreshComments
            ),
            plan[0].Root
        );
        Assert.Equal(
            new CrawlTask(
                CrawlTaskKind.PostsWindow,
                From: options.Epoch,
                RefreshCommentsFrom: options.Epoch,
                Lean: true
            ),
            plan[1].Root
        );
    }

    [Fact]
    public void Follow_ups_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => HarvestPlanner.FollowUps(7, Options, Newest, null!));
    }
}
