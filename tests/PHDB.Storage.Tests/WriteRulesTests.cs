using PHDB.Domain;
using PHDB.Testing;

namespace PHDB.Storage.Tests;

public sealed class WriteRulesTests(PostgresServer postgres)
{
    [Fact]
    public async Task Writing_the_same_batch_twice_changes_nothing_the_second_time()
    {
        await using var store = await TestStore.CreateAsync(postgres, "twice");
        var posts = Enumerable.Range(1, 20).Select(i => Samples.Post(i)).ToList();
        var batch = new HarvestBatch
        {
            Posts = posts,
            Users = Samples.UsersOf(posts),
            Topics = [.. posts.SelectMany(p => p.TopicIds).Distinct().Select(Samples.Stub)],
            Comments = [Samples.Comment(1, 1), Samples.Comment(2, 1, parentId: 1)],
            Votes = [Samples.Vote(1, VoteSubject.Post, 2)],
            Collections = [Samples.Collection(1, topics: [1])],
            CollectionPosts = [new CollectionPosts(1, [1, 2], true)],
        };
        var first = await store.WriteAsync(batch);
        var dump = await store.DumpAsync();

        var second = await store.WriteAsync(batch);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(20, second.Posts.Unchanged);
        Assert.Equal(dump, await store.DumpAsync());
        Assert.Equal(
            0,
            await store.ScalarAsync<long>(
                "SELECT count(*) FROM posts WHERE xmin::text::bigint <> (SELECT min(xmin::text::bigint) FROM posts)"
            )
        );
    }

    [Fact]
    public async Task A_topic_stub_never_erases_what_a_full_read_stored()
    {
        await using var store = await TestStore.CreateAsync(postgres, "richer");
        await store.WriteAsync(new HarvestBatch { Topics = [Samples.FullTopic(5, followers: 321)] });

        var result = await store.WriteAsync(
            new HarvestBatch { Topics = [Samples.Stub(5)], Posts = [Samples.Post(1, topics: [5])] }
        );

        Assert.Equal(new EntityChanges(0, 0, 1), result.Topics);
        Assert.Equal(
            1,
            await store.CountAsync(
                "topics",
                "id = 5 AND followers_count = 321 AND description IS NOT NULL AND posts_count = 1005 "
                    + "AND created_at IS NOT NULL AND image IS NOT NULL AND url IS NOT NULL"
            )
        );
    }

    [Fact]
    public async Task A_full_topic_fills_a_stub_and_a_renamed_stub_renames_it()
    {
        await using var store = await TestStore.CreateAsync(postgres, "fill");
        await store.WriteAsync(new HarvestBatch { Topics = [Samples.Stub(5)] });
        await store.WriteAsync(new HarvestBatch { Topics = [Samples.FullTopic(5, followers: 9)] });

        await store.WriteAsync(new HarvestBatch { Topics = [Samples.Stub(5) with { Name = "Renamed" }] });

        Assert.Equal(1, await store.CountAsync("topics", "id = 5 AND followers_count = 9 AND name = 'Renamed'"));
    }

    [Fact]
    public async Task An_older_observation_does_not_overwrite_a_newer_one()
    {
        await using var store = await TestStore.CreateAsync(postgres, "newer");
        var newer = Samples.Post(1, observedAt: Samples.T0.AddDays(2), votes: 50, topics: [1]);
        var older = Samples.Post(1, observedAt: Samples.T0.AddDays(1), votes: 20, topics: [2], media: 0);
        await store.WriteAsync(new HarvestBatch { Posts = [newer] });

        var result = await store.WriteAsync(
            new HarvestBatch
            {
                Posts = [older],
                Comments =
                [
                    Samples.Comment(1, 1, observedAt: Samples.T0.AddDays(3), body: "new"),
                    Samples.Comment(1, 1, observedAt: Samples.T0.AddDays(1), body: "old"),
                ],
                Collections =
                [
                    Samples.Collection(1, observedAt: Samples.T0.AddDays(3), name: "new"),
                    Samples.Collection(1, observedAt: Samples.T0.AddDays(2), name: "old"),
                ],
            }
        );
        var stale = await store.WriteAsync(
            new HarvestBatch
            {
                Comments = [Samples.Comment(1, 1, observedAt: Samples.T0.AddDays(2), body: "older")],
                Collections = [Samples.Collection(1, observedAt: Samples.T0.AddDays(1), name: "older")],
            }
        );

        Assert.Equal(new EntityChanges(0, 0, 1), result.Posts);
        Assert.False(stale.Changed);
        Assert.Equal(1, await store.CountAsync("posts", "id = 1 AND votes_count = 50"));
        Assert.Equal(1, await store.CountAsync("post_topics", "post_id = 1 AND topic_id = 1"));
        Assert.Equal(0, await store.CountAsync("post_topics", "topic_id = 2"));
        Assert.Equal(2, await store.CountAsync("post_media"));
        Assert.Equal(1, await store.CountAsync("post_snapshots"));
        Assert.Equal(1, await store.CountAsync("comments", "id = 1 AND body = 'new'"));
        Assert.Equal(1, await store.CountAsync("collections", "id = 1 AND name = 'new'"));
    }

    [Fact]
    public async Task A_newer_observation_replaces_the_links_of_its_post()
    {
        await using var store = await TestStore.CreateAsync(postgres, "links");
        await store.WriteAsync(
            new HarvestBatch
            {
                Posts =
                [
                    Samples.Post(1, topics: [1, 2, 3], makers: [UserRef.Of(7), UserRef.Of(8)], media: 4, links: 3),
                    Samples.Post(2, topics: [1, 2]),
                ],
            }
        );

        var result = await store.WriteAsync(
            new HarvestBatch
            {
                Posts =
                [
                    Samples.Post(1, Samples.T0.AddDays(2), topics: [1, 4], makers: [UserRef.Of(8)], media: 2, links: 0),
                ],
            }
        );

        Assert.Equal(new EntityChanges(1, 0, 1, Deleted: 2), result.PostTopics);
        Assert.Equal(new EntityChanges(0, 1, 0, Deleted: 1), result.PostMakers);
        Assert.Equal(new EntityChanges(0, 0, 2, Deleted: 2), result.PostMedia);
        Assert.Equal(new EntityChanges(0, 0, 0, Deleted: 3), result.PostProductLinks);
        Assert.Equal(new long[] { 1, 4 }, await TopicsOf(store, 1));
        Assert.Equal(new long[] { 1, 2 }, await TopicsOf(store, 2));
        Assert.Equal(1, await store.CountAsync("post_makers", "post_id = 1 AND user_id = 8 AND position = 0"));
        Assert.Equal(0, await store.CountAsync("post_makers", "post_id = 1 AND user_id = 7"));
        Assert.Equal(2, await store.CountAsync("post_media", "post_id = 1"));
        Assert.Equal(0, await store.CountAsync("post_product_links", "post_id = 1"));
    }

    [Fact]
    public async Task Collection_pages_add_posts_and_a_complete_set_replaces_them()
    {
        await using var store = await TestStore.CreateAsync(postgres, "collection");
        await store.WriteAsync(
            new HarvestBatch
            {
                Collections = [Samples.Collection(1, topics: [1, 2])],
                CollectionPosts = [new CollectionPosts(1, [1, 2], IsComplete: false)],
            }
        );
        await store.WriteAsync(
            new HarvestBatch
            {
                Collections = [Samples.Collection(1, topics: null, observedAt: Samples.T0.AddDays(2))],
                CollectionPosts = [new CollectionPosts(1, [3], IsComplete: false)],
            }
        );
        Assert.Equal(3, await store.CountAsync("collection_posts", "collection_id = 1"));
        Assert.Equal(2, await store.CountAsync("collection_topics", "collection_id = 1"));

        var result = await store.WriteAsync(
            new HarvestBatch
            {
                Collections = [Samples.Collection(1, topics: [2], observedAt: Samples.T0.AddDays(3))],
                CollectionPosts = [new CollectionPosts(1, [2, 3, 4], IsComplete: true)],
            }
        );

        Assert.Equal(new EntityChanges(1, 0, 2, Deleted: 1), result.CollectionPosts);
        Assert.Equal(new EntityChanges(0, 0, 1, Deleted: 1), result.CollectionTopics);
        Assert.Equal(
            new long[] { 2, 3, 4 },
            await Ids(store, "SELECT post_id FROM collection_posts WHERE collection_id = 1 ORDER BY 1")
        );
    }

    [Fact]
    public async Task Out_of_order_references_become_placeholders_that_the_real_rows_fill()
    {
        await using var store = await TestStore.CreateAsync(postgres, "outoforder");

        var early = await store.WriteAsync(
            new HarvestBatch
            {
                Comments = [Samples.Comment(11, 1, parentId: 10)],
                Votes = [Samples.Vote(1, VoteSubject.Comment, 10), Samples.Vote(2, VoteSubject.Post, 2)],
                CollectionPosts = [new CollectionPosts(5, [3], IsComplete: false)],
                Posts = [Samples.Post(4, topics: [42], hunter: UserRef.Of(77), makers: [])],
            }
        );

        // posts 1, 2, 3; comment 10; collection 5; topic 42; users 77 (hunter) and 3011 (author)
        Assert.Equal(8, early.PlaceholdersCreated);
        Assert.Equal(0, await store.CountAsync("posts", "name IS NOT NULL AND id <> 4"));
        var statistics = await store.Reader.GetStatisticsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, statistics.Rows["posts"]);
        Assert.Equal(1, statistics.Rows["comments"]);
        Assert.Equal(8, statistics.Placeholders);
        var page = await store.Reader.BrowsePostsAsync(new PostQuery(), TestContext.Current.CancellationToken);
        Assert.Equal([4L], page.Posts.Select(p => p.Id));
        Assert.Null(await store.Reader.GetPostAsync(1, TestContext.Current.CancellationToken));
        Assert.Empty(await store.Reader.GetTopicsAsync(10, TestContext.Current.CancellationToken));

        var late = await store.WriteAsync(
            new HarvestBatch
            {
                Posts = [Samples.Post(1), Samples.Post(2), Samples.Post(3)],
                Comments = [Samples.Comment(10, 1)],
                Collections = [Samples.Collection(5)],
                Topics = [Samples.Stub(42)],
                Users = [Samples.User(77)],
            }
        );

        Assert.Equal(3, late.Posts.Updated);
        Assert.Equal(1, late.Comments.Updated);
        Assert.Equal(1, late.Topics.Updated);
        Assert.Equal(1, late.Collections.Updated);
        var detail = await store.Reader.GetPostAsync(1, TestContext.Current.CancellationToken);
        var root = Assert.Single(detail!.Comments);
        Assert.Equal(10, root.Id);
        Assert.Equal(11, Assert.Single(root.Replies).Id);
        Assert.Equal(
            "topic-42",
            Assert.Single((await store.Reader.GetPostAsync(4, TestContext.Current.CancellationToken))!.Topics).Slug
        );
        Assert.Equal(1, await store.CountAsync("comments", "id = 10 AND post_id = 1 AND body IS NOT NULL"));
    }

    [Fact]
    public async Task Redacted_users_keep_the_relation_without_a_user_row()
    {
        await using var store = await TestStore.CreateAsync(postgres, "redacted");
        await store.WriteAsync(
            new HarvestBatch
            {
                Posts =
                [
                    Samples.Post(1, hunter: UserRef.Redacted, makers: [UserRef.Redacted, UserRef.Redacted]),
                    Samples.Post(2, hunter: UserRef.Redacted, makers: [UserRef.Of(5), UserRef.Redacted]),
                ],
                Comments = [Samples.Comment(1, 1, author: UserRef.Redacted)],
                Votes = [Samples.Vote(1, VoteSubject.Post, 1, UserRef.Redacted)],
                Collections = [Samples.Collection(1, curator: UserRef.Redacted)],
            }
        );

        Assert.Equal(new long[] { 5 }, await Ids(store, "SELECT id FROM users"));
        Assert.Equal(2, await store.CountAsync("posts", "hunter_id IS NULL AND hunter_redacted"));
        Assert.Equal(2, await store.ScalarAsync<int>("SELECT redacted_makers FROM posts WHERE id = 1"));
        Assert.Equal(1, await store.ScalarAsync<int>("SELECT redacted_makers FROM posts WHERE id = 2"));
        Assert.Equal(1, await store.CountAsync("post_makers"));
        Assert.Equal(1, await store.CountAsync("comments", "author_id IS NULL AND author_redacted"));
        Assert.Equal(1, await store.CountAsync("votes", "voter_id IS NULL AND voter_redacted"));
        Assert.Equal(1, await store.CountAsync("collections", "curator_id IS NULL AND curator_redacted"));
        var detail = await store.Reader.GetPostAsync(2, TestContext.Current.CancellationToken);
        Assert.True(detail!.HunterRedacted);
        Assert.Null(detail.Hunter);
        Assert.Equal(5, Assert.Single(detail.Makers).Id);
        Assert.Equal(1, detail.RedactedMakers);
    }

    [Fact]
    public async Task Snapshots_are_appended_only_when_a_count_changed()
    {
        await using var store = await TestStore.CreateAsync(postgres, "snapshots");
        int[] votes = [10, 10, 12, 12, 12, 15];
        for (var i = 0; i < votes.Length; i++)
        {
            await store.WriteAsync(
                new HarvestBatch { Posts = [Samples.Post(1, observedAt: Samples.T0.AddHours(i), votes: votes[i])] }
            );
        }

        var detail = await store.Reader.GetPostAsync(1, TestContext.Current.CancellationToken);

        Assert.Equal([10, 12, 15], detail!.History.Select(h => h.VotesCount));
        Assert.Equal(
            [Samples.T0, Samples.T0.AddHours(2), Samples.T0.AddHours(5)],
            detail.History.Select(h => h.ObservedAt)
        );
    }

    [Fact]
    public async Task Duplicates_inside_one_batch_are_merged()
    {
        await using var store = await TestStore.CreateAsync(postgres, "duplicates");

        var result = await store.WriteAsync(
            new HarvestBatch
            {
                Posts =
                [
                    Samples.Post(1, votes: 5),
                    Samples.Post(1, Samples.T0.AddDays(5), votes: 9),
                    Samples.Post(1, votes: 7),
                ],
                Topics = [Samples.FullTopic(1, followers: 3), Samples.Stub(1)],
                Users = [Samples.User(1), Samples.User(1, "Renamed")],
                Votes = [Samples.Vote(1, VoteSubject.Post, 1), Samples.Vote(1, VoteSubject.Post, 1)],
            }
        );

        Assert.Equal(new EntityChanges(1, 0, 0), result.Posts);
        Assert.Equal(1, await store.CountAsync("posts", "votes_count = 9"));
        Assert.Equal(1, await store.CountAsync("topics", "followers_count = 3"));
        Assert.Equal(1, await store.CountAsync("users", "name = 'Renamed'"));
    }

    private static Task<long[]> TopicsOf(TestStore store, long postId) =>
        Ids(store, $"SELECT topic_id FROM post_topics WHERE post_id = {postId} ORDER BY 1");

    private static async Task<long[]> Ids(TestStore store, string sql)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return [.. ids];
    }
}
