using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PHDB.Domain;
using PHDB.Migrations;
using PHDB.Testing;

namespace PHDB.Storage.Tests;

public sealed class ReaderTests(PostgresServer postgres)
{
    [Fact]
    public async Task Browsing_pages_through_every_match_exactly_once_in_order()
    {
        await using var store = await TestStore.CreateAsync(postgres, "browse");
        var batch = Samples.Page(1, 60, seed: 1);
        await store.WriteAsync(batch);

        foreach (var sort in new[] { PostSort.Newest, PostSort.Votes })
        {
            var seen = new List<PostSummary>();
            string? cursor = null;
            do
            {
                var page = await store.Reader.BrowsePostsAsync(
                    new PostQuery
                    {
                        Sort = sort,
                        Limit = 7,
                        Cursor = cursor,
                    },
                    TestContext.Current.CancellationToken
                );
                seen.AddRange(page.Posts);
                cursor = page.NextCursor;
            } while (cursor is not null);

            var expected =
                sort == PostSort.Votes
                    ? batch.Posts.OrderByDescending(p => p.VotesCount).ThenByDescending(p => p.Id)
                    : batch.Posts.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id);
            Assert.Equal(expected.Select(p => p.Id), seen.Select(p => p.Id));
        }
    }

    [Fact]
    public async Task Browsing_filters_by_day_topic_text_and_featured()
    {
        await using var store = await TestStore.CreateAsync(postgres, "filters");
        var day = new DateTimeOffset(2024, 6, 3, 0, 30, 0, TimeSpan.FromHours(-7)); // 3 June, Pacific
        await store.WriteAsync(
            new HarvestBatch
            {
                Posts =
                [
                    Samples.Post(1, topics: [1], createdAt: day, name: "Rocket notes", tagline: "Write faster notes"),
                    Samples.Post(2, topics: [2], createdAt: day.AddHours(23), name: "Calendar bot"),
                    Samples.Post(3, topics: [1], createdAt: day.AddDays(-1), name: "Note taker"),
                    Samples.Post(4, topics: [1, 2], createdAt: day.AddDays(1), name: "Budget app"),
                ],
                Topics = [Samples.Stub(1), Samples.Stub(2)],
            }
        );

        async Task<long[]> Ids(PostQuery query) =>
            [
                .. (await store.Reader.BrowsePostsAsync(query, TestContext.Current.CancellationToken)).Posts.Select(p =>
                    p.Id
                ),
            ];

        var june3 = new DateOnly(2024, 6, 3);
        Assert.Equal(new long[] { 2, 1 }, await Ids(new PostQuery { From = june3, To = june3 }));
        Assert.Equal(new long[] { 4, 2, 1 }, await Ids(new PostQuery { From = june3 }));
        Assert.Equal(new long[] { 3 }, await Ids(new PostQuery { To = june3.AddDays(-1) }));
        Assert.Equal(new long[] { 4, 1, 3 }, await Ids(new PostQuery { TopicSlug = "topic-1" }));
        Assert.Equal(new long[] { 1, 3 }, await Ids(new PostQuery { Text = "note" }));
        Assert.Equal(
            new long[] { 1 },
            await Ids(
                new PostQuery
                {
                    Text = "note",
                    TopicSlug = "topic-1",
                    From = june3,
                }
            )
        );
        Assert.Empty(await Ids(new PostQuery { TopicSlug = "nope" }));
        Assert.Equal(new long[] { 4, 2, 1 }, await Ids(new PostQuery { FeaturedOnly = true, From = june3 }));
        Assert.Equal(new long[] { 2, 1 }, await Ids(new PostQuery { From = june3, To = june3 }));
    }

    [Fact]
    public async Task A_cursor_of_another_order_is_rejected()
    {
        await using var store = await TestStore.CreateAsync(postgres, "cursor");
        await store.WriteAsync(Samples.Page(1, 3, seed: 2));
        var page = await store.Reader.BrowsePostsAsync(
            new PostQuery { Limit = 1 },
            TestContext.Current.CancellationToken
        );

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.Reader.BrowsePostsAsync(
                new PostQuery
                {
                    Limit = 1,
                    Sort = PostSort.Votes,
                    Cursor = page.NextCursor,
                },
                TestContext.Current.CancellationToken
            )
        );
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.Reader.BrowsePostsAsync(new PostQuery { Cursor = "%%" }, TestContext.Current.CancellationToken)
        );
    }

    [Fact]
    public async Task Topics_come_with_their_post_counts_and_posts_per_month()
    {
        await using var store = await TestStore.CreateAsync(postgres, "topics");
        var may = new DateTimeOffset(2024, 5, 10, 12, 0, 0, TimeSpan.Zero);
        await store.WriteAsync(
            new HarvestBatch
            {
                Topics = [Samples.FullTopic(1, followers: 77), Samples.Stub(2)],
                Posts =
                [
                    Samples.Post(1, topics: [1, 2], createdAt: may),
                    Samples.Post(2, topics: [1], createdAt: may.AddDays(3)),
                    Samples.Post(3, topics: [1], createdAt: may.AddMonths(2)),
                ],
            }
        );

        var topics = await store.Reader.GetTopicsAsync(10, TestContext.Current.CancellationToken);
        var months = await store.Reader.GetTopicPostsPerMonthAsync("topic-1", TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new TopicSummary(1, "Topic 1", "topic-1", "All about topic 1", 77, 1001, 3),
                new TopicSummary(2, "Topic 2", "topic-2", null, null, null, 1),
            ],
            topics
        );
        Assert.Equal(
            [new MonthlyCount(new DateOnly(2024, 5, 1), 2), new MonthlyCount(new DateOnly(2024, 7, 1), 1)],
            months
        );
    }

    [Fact]
    public async Task Statistics_count_rows_and_name_the_last_run()
    {
        await using var store = await TestStore.CreateAsync(postgres, "statistics");
        var empty = await store.Reader.GetStatisticsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, empty.Rows["posts"]);
        Assert.Null(empty.NewestPost);
        Assert.Null(empty.LastRun);

        var runId = await store.Bookkeeping.StartRunAsync("backfill", TestContext.Current.CancellationToken);
        var batch = Samples.Page(1, 10, seed: 3);
        await store.WriteAsync(batch);
        var statistics = await store.Reader.GetStatisticsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(10, statistics.Rows["posts"]);
        Assert.Equal(batch.Users.Count, statistics.Rows["users"]);
        Assert.Equal(batch.Posts.Sum(p => p.Media.Count), statistics.Rows["post_media"]);
        Assert.Equal(batch.Posts.Min(p => p.CreatedAt), statistics.OldestPost);
        Assert.Equal(batch.Posts.Max(p => p.CreatedAt), statistics.NewestPost);
        Assert.Equal(runId, statistics.LastRun?.Id);
        Assert.Equal(HarvestOutcome.Running, statistics.LastRun?.Outcome);
    }

    [Fact]
    public async Task Runs_are_started_and_finished_with_counts_and_errors()
    {
        await using var store = await TestStore.CreateAsync(postgres, "runs");
        var started = store.Time.GetUtcNow();
        var first = await store.Bookkeeping.StartRunAsync("backfill", TestContext.Current.CancellationToken);
        store.Time.Advance(TimeSpan.FromMinutes(5));
        await store.Bookkeeping.FinishRunAsync(
            first,
            HarvestOutcome.Failed,
            new Dictionary<string, long> { ["posts"] = 12, ["pages"] = 3 },
            "rate limited",
            TestContext.Current.CancellationToken
        );
        store.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await store.Bookkeeping.StartRunAsync("incremental", TestContext.Current.CancellationToken);

        var runs = await store.Bookkeeping.GetRunsAsync(10, TestContext.Current.CancellationToken);

        Assert.Equal([second, first], runs.Select(r => r.Id));
        var failed = runs[1];
        Assert.Equal(started, failed.StartedAt);
        Assert.Equal(started.AddMinutes(5), failed.FinishedAt);
        Assert.Equal(HarvestOutcome.Failed, failed.Outcome);
        Assert.Equal(12, failed.Counts["posts"]);
        Assert.Equal("rate limited", failed.Error);
        Assert.Equal(HarvestOutcome.Running, runs[0].Outcome);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.Bookkeeping.FinishRunAsync(
                999,
                HarvestOutcome.Succeeded,
                new Dictionary<string, long>(),
                null,
                TestContext.Current.CancellationToken
            )
        );
    }

    [Fact]
    public async Task Recording_a_finding_again_is_idempotent()
    {
        await using var store = await TestStore.CreateAsync(postgres, "findings");
        var run = await store.Bookkeeping.StartRunAsync("check", TestContext.Current.CancellationToken);
        NewQualityFinding[] findings =
        [
            new("posts", 1, "missing-topics", "no topics"),
            new("posts", 2, "missing-topics", "no topics"),
            new("comments", 1, "orphan", "post not harvested"),
        ];

        var first = await store.Bookkeeping.RecordFindingsAsync(findings, run, TestContext.Current.CancellationToken);
        store.Time.Advance(TimeSpan.FromHours(1));
        var again = await store.Bookkeeping.RecordFindingsAsync(findings, run, TestContext.Current.CancellationToken);
        var changed = await store.Bookkeeping.RecordFindingsAsync(
            [findings[0] with { Detail = "still no topics" }],
            null,
            TestContext.Current.CancellationToken
        );

        Assert.Equal(3, first);
        Assert.Equal(0, again);
        Assert.Equal(1, changed);
        var all = await store.Bookkeeping.GetFindingsAsync(null, 10, TestContext.Current.CancellationToken);
        Assert.Equal(3, all.Count);
        Assert.All(all, f => Assert.Equal(run, f.RunId));
        Assert.All(all, f => Assert.Equal(store.Time.GetUtcNow().AddHours(-1), f.FoundAt));
        var missing = await store.Bookkeeping.GetFindingsAsync(
            "missing-topics",
            10,
            TestContext.Current.CancellationToken
        );
        Assert.Equal(["no topics", "still no topics"], missing.Select(f => f.Detail).Order());
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_a_rerun_applies_nothing()
    {
        var database = await postgres.CreateDatabaseAsync("migrate", TestContext.Current.CancellationToken);
        var migrator = new SchemaMigrator(NullLogger<SchemaMigrator>.Instance);

        var applied = await migrator.MigrateAsync(database, TestContext.Current.CancellationToken);
        var again = await migrator.MigrateAsync(database, TestContext.Current.CancellationToken);

        Assert.Contains(applied, s => s.Contains("0004_harvest_storage", StringComparison.Ordinal));
        Assert.Empty(again);
        await using var dataSource = NpgsqlDataSource.Create(database);
        foreach (var table in TestStore.HarvestTables.Append("harvest_runs").Append("quality_findings"))
        {
            await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {table}");
            Assert.Equal(0L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        await using var foreignKeys = dataSource.CreateCommand(
            "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace "
                + "AND conrelid::regclass::text NOT LIKE 'orleans%'"
        );
        Assert.Equal(20L, await foreignKeys.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Foreign_keys_reject_a_link_to_a_missing_row()
    {
        await using var store = await TestStore.CreateAsync(postgres, "fk");
        await using var command = store.DataSource.CreateCommand("INSERT INTO post_topics VALUES (1, 1)");

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)
        );

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }
}
