using System.Text.RegularExpressions;
using Npgsql;
using PHDB.Domain;
using Step = PHDB.Storage.WritePlan.Step;

namespace PHDB.Storage.Tests;

/// <summary>
/// The statements a batch turns into, without a database: which ones, in what order, the rows in their parameter
/// arrays and the rules their SQL states. What the rules do to stored rows is tested against PostgreSQL in
/// <c>WriteRulesTests</c>.
/// </summary>
public sealed partial class WritePlanTests
{
    // Not UTC, so the conversion to UTC shows.
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void An_empty_batch_writes_nothing()
    {
        Assert.Empty(new WritePlan(new HarvestBatch()).Statements);
    }

    [Fact]
    public void Placeholders_come_first_in_foreign_key_order_then_the_upserts_then_the_links()
    {
        var steps = new WritePlan(FullBatch()).Statements.Select(s => s.Step.ToString()).ToArray();

        Assert.Equal(
            [
                "UserPlaceholders",
                "TopicPlaceholders",
                "PostPlaceholders",
                "CommentPlaceholders",
                "CollectionPlaceholders",
                "Users",
                "Topics",
                "Posts",
                "PostTopics",
                "PostMakers",
                "PostMedia",
                "PostProductLinks",
                "Snapshots",
                "Comments",
                "Votes",
                "Collections",
                "CollectionTopics",
                "CollectionPosts",
            ],
            steps
        );
    }

    [Theory]
    [InlineData("users", "Users")]
    [InlineData("topics", "Topics")]
    [InlineData("posts", "Posts PostTopics PostMakers PostMedia PostProductLinks Snapshots")]
    [InlineData("post without links", "Posts PostTopics PostMakers PostMedia PostProductLinks Snapshots")]
    [InlineData("comments", "PostPlaceholders Comments")]
    [InlineData("votes", "CommentPlaceholders Votes")]
    [InlineData("collections", "Collections")]
    [InlineData("collections with topics", "Collections CollectionTopics")]
    [InlineData("collection posts", "PostPlaceholders CollectionPlaceholders CollectionPosts")]
    public void A_table_without_rows_in_the_batch_gets_no_statement(string content, string expected)
    {
        var batch = content switch
        {
            "users" => new HarvestBatch { Users = [User(1)] },
            "topics" => new HarvestBatch { Topics = [Topic(1)] },
            "posts" => new HarvestBatch { Posts = [Post(1, hunter: UserRef.Redacted, makers: [], topics: [])] },
            "post without links" => new HarvestBatch
            {
                Posts =
                [
                    Post(1, hunter: UserRef.Redacted, makers: [UserRef.Redacted], topics: []) with
                    {
                        Media = [],
                        ProductLinks = [],
                    },
                ],
            },
            "comments" => new HarvestBatch { Comments = [Comment(1, postId: 2)] },
            "votes" => new HarvestBatch { Votes = [Vote(1, VoteSubject.Comment, 2)] },
            // A collection read without its topics leaves its stored topics alone.
            "collections" => new HarvestBatch { Collections = [Collection(1, topics: null)] },
            // One read with no topics at all removes them.
            "collections with topics" => new HarvestBatch
            {
                Collections = [Collection(1, topics: null), Collection(2, topics: [])],
            },
            "collection posts" => new HarvestBatch { CollectionPosts = [new CollectionPosts(1, [2], false)] },
            _ => throw new ArgumentOutOfRangeException(nameof(content)),
        };

        var steps = new WritePlan(batch).Statements.Select(s => s.Step.ToString());

        Assert.Equal(expected, string.Join(" ", steps));
    }

    [Fact]
    public void Rows_referenced_but_missing_from_the_batch_become_placeholders_once_each_sorted_by_id()
    {
        var batch = new HarvestBatch
        {
            Users = [User(10)],
            Topics = [Topic(5)],
            Posts =
            [
                Post(
                    2,
                    hunter: UserRef.Of(34),
                    makers: [UserRef.Of(10), UserRef.Redacted, UserRef.Of(31)],
                    topics: [9, 5]
                ),
                Post(1, hunter: UserRef.Of(31), makers: [], topics: [3, 5]),
            ],
            Comments =
            [
                Comment(51, postId: 60, parentId: 40, author: UserRef.Of(32)),
                Comment(50, postId: 1, parentId: 51, author: UserRef.Redacted),
            ],
            Votes =
            [
                Vote(72, VoteSubject.Post, 61, UserRef.Of(33)),
                Vote(71, VoteSubject.Comment, 41, UserRef.Of(10)),
                Vote(70, VoteSubject.Post, 2, UserRef.Redacted),
                Vote(73, VoteSubject.Comment, 50, UserRef.Redacted),
            ],
            Collections = [Collection(80, topics: [7, 3], curator: UserRef.Of(30)), Collection(81, topics: null)],
            CollectionPosts = [new CollectionPosts(82, [62, 1], false), new CollectionPosts(80, [2, 63], true)],
        };

        var plan = new WritePlan(batch);

        Assert.Equal([30, 31, 32, 33, 34], Values<long>(Single(plan, Step.UserPlaceholders), "id", alias: null));
        Assert.Equal([3, 7, 9], Values<long>(Single(plan, Step.TopicPlaceholders), "id", alias: null));
        Assert.Equal([60, 61, 62, 63], Values<long>(Single(plan, Step.PostPlaceholders), "id", alias: null));
        Assert.Equal([40, 41], Values<long>(Single(plan, Step.CommentPlaceholders), "id", alias: null));
        Assert.Equal([82], Values<long>(Single(plan, Step.CollectionPlaceholders), "id", alias: null));
    }

    [Theory]
    [InlineData("UserPlaceholders", "users")]
    [InlineData("TopicPlaceholders", "topics")]
    [InlineData("PostPlaceholders", "posts")]
    [InlineData("CommentPlaceholders", "comments")]
    [InlineData("CollectionPlaceholders", "collections")]
    public void A_placeholder_inserts_only_the_id_and_never_touches_a_stored_row(string step, string table)
    {
        var sql = Single(new WritePlan(FullBatch()), Enum.Parse<Step>(step)).CommandText;

        Assert.Contains($"INSERT INTO {table} (id) SELECT id FROM src ON CONFLICT (id) DO NOTHING", sql);
        Assert.Contains("src AS (SELECT unnest($1::bigint[]) AS id)", sql);
    }

    [Fact]
    public void Redacted_users_are_written_as_a_flag_without_an_id_and_need_no_placeholder()
    {
        var batch = new HarvestBatch
        {
            Users = [User(5), User(6)],
            Posts =
            [
                Post(1, hunter: UserRef.Redacted, makers: [UserRef.Redacted, UserRef.Of(5), UserRef.Redacted]),
                Post(2, hunter: UserRef.Of(6), makers: [UserRef.Of(6)]),
            ],
            Comments =
            [
                Comment(10, postId: 1, author: UserRef.Redacted),
                Comment(11, postId: 1, author: UserRef.Of(5)),
            ],
            Votes = [Vote(20, VoteSubject.Post, 1, UserRef.Redacted), Vote(21, VoteSubject.Post, 2, UserRef.Of(6))],
            Collections =
            [
                Collection(30, topics: null, curator: UserRef.Redacted),
                Collection(31, topics: null, curator: UserRef.Of(5)),
            ],
        };

        var plan = new WritePlan(batch);

        Assert.DoesNotContain(plan.Statements, s => s.Step == Step.UserPlaceholders);
        var posts = Single(plan, Step.Posts);
        Assert.Equal([null, 6], Values<long?>(posts, "hunter_id"));
        Assert.Equal([true, false], Values<bool>(posts, "hunter_redacted"));
        Assert.Equal([2, 0], Values<int>(posts, "redacted_makers"));
        var makers = Single(plan, Step.PostMakers);
        Assert.Equal([1, 2], Values<long>(makers, "post_id"));
        Assert.Equal([5, 6], Values<long>(makers, "user_id"));
        var comments = Single(plan, Step.Comments);
        Assert.Equal([null, 5], Values<long?>(comments, "author_id"));
        Assert.Equal([true, false], Values<bool>(comments, "author_redacted"));
        var votes = Single(plan, Step.Votes);
        Assert.Equal([null, 6], Values<long?>(votes, "voter_id"));
        Assert.Equal([true, false], Values<bool>(votes, "voter_redacted"));
        var collections = Single(plan, Step.Collections);
        Assert.Equal([null, 5], Values<long?>(collections, "curator_id"));
        Assert.Equal([true, false], Values<bool>(collections, "curator_redacted"));
    }

    [Fact]
    public void Rows_of_a_table_are_deduplicated_and_sorted_by_id()
    {
        var batch = new HarvestBatch
        {
            Users = [User(3), User(1), User(2), User(1)],
            Topics = [Topic(9), Topic(4), Topic(9)],
            Posts = [Post(8), Post(6), Post(7), Post(6)],
            Comments = [Comment(13, postId: 6), Comment(11, postId: 6), Comment(12, postId: 6), Comment(11, postId: 6)],
            Votes = [Vote(23, VoteSubject.Post, 6), Vote(21, VoteSubject.Post, 6), Vote(23, VoteSubject.Post, 6)],
            Collections = [Collection(32, topics: [4]), Collection(31, topics: [9]), Collection(32, topics: [4])],
            CollectionPosts = [new CollectionPosts(32, [7], false), new CollectionPosts(31, [6], false)],
        };

        var plan = new WritePlan(batch);

        Assert.Equal([1, 2, 3], Values<long>(Single(plan, Step.Users), "id"));
        Assert.Equal([4, 9], Values<long>(Single(plan, Step.Topics), "id"));
        Assert.Equal([6, 7, 8], Values<long>(Single(plan, Step.Posts), "id"));
        Assert.Equal([6, 7, 8], Values<long>(Single(plan, Step.Snapshots), "post_id"));
        Assert.Equal([11, 12, 13], Values<long>(Single(plan, Step.Comments), "id"));
        Assert.Equal([21, 23], Values<long>(Single(plan, Step.Votes), "id"));
        Assert.Equal([31, 32], Values<long>(Single(plan, Step.Collections), "id"));
        Assert.Equal([31, 32], Values<long>(Single(plan, Step.CollectionTopics), "id", alias: "o"));
        Assert.Equal([31, 32], Values<long>(Single(plan, Step.CollectionPosts), "collection_id"));
        foreach (var step in new[] { Step.PostTopics, Step.PostMakers, Step.PostMedia, Step.PostProductLinks })
        {
            Assert.Equal([6, 7, 8], Values<long>(Single(plan, step), "id", alias: "o"));
        }
    }

    [Fact]
    public void The_last_copy_of_a_user_or_a_vote_in_a_batch_wins()
    {
        var batch = new HarvestBatch
        {
            Users = [User(1, "First"), User(2), User(1, "Second"), User(1, "Third")],
            Votes =
            [
                Vote(5, VoteSubject.Post, 100),
                Vote(5, VoteSubject.Post, 101),
                Vote(6, VoteSubject.Post, 100),
                Vote(5, VoteSubject.Post, 102),
            ],
        };

        var plan = new WritePlan(batch);

        Assert.Equal(["Third", "User 2"], Values<string>(Single(plan, Step.Users), "name"));
        Assert.Equal([102, 100], Values<long?>(Single(plan, Step.Votes), "post_id"));
    }

    [Fact]
    public void Copies_of_a_topic_merge_so_that_a_stub_never_erases_what_a_full_read_gave()
    {
        var a = new Topic(1, "A", "a", "About A", "https://t/a", T0, 10, 100, "https://i/a.png");
        var b = new Topic(1, "B", "b", "About B", "https://t/b", T0.AddDays(1), 20, 200, "https://i/b.png");
        var batch = new HarvestBatch
        {
            // 1: a full read, then a renamed stub. 2: two full reads.
            Topics = [a with { Id = 2 }, a, b with { Id = 2 }, new Topic(1, "Renamed", "renamed")],
        };

        var topics = Single(new WritePlan(batch), Step.Topics);

        Assert.Equal([1, 2], Values<long>(topics, "id"));
        Assert.Equal(["Renamed", "B"], Values<string>(topics, "name"));
        Assert.Equal(["renamed", "b"], Values<string>(topics, "slug"));
        Assert.Equal(["About A", "About B"], Values<string?>(topics, "description"));
        Assert.Equal(["https://t/a", "https://t/b"], Values<string?>(topics, "url"));
        Assert.Equal([T0, T0.AddDays(1)], Values<DateTimeOffset?>(topics, "created_at"));
        Assert.Equal([10, 20], Values<int?>(topics, "followers_count"));
        Assert.Equal([100, 200], Values<int?>(topics, "posts_count"));
        Assert.Equal(["https://i/a.png", "https://i/b.png"], Values<string?>(topics, "image"));
    }

    [Fact]
    public void The_newest_observation_of_a_post_comment_or_collection_wins_and_the_later_copy_breaks_a_tie()
    {
        DateTimeOffset At(int day) => T0.AddDays(day);
        var batch = new HarvestBatch
        {
            Posts =
            [
                Post(1, At(1), votes: 5),
                Post(1, At(5), votes: 9),
                Post(1, At(2), votes: 7),
                Post(1, At(5), votes: 11),
                Post(1, At(3), votes: 13),
            ],
            Comments =
            [
                Comment(2, postId: 1, observedAt: At(4), body: "newest"),
                Comment(2, postId: 1, observedAt: At(1), body: "oldest"),
                Comment(2, postId: 1, observedAt: At(4), body: "newest, later"),
                Comment(2, postId: 1, observedAt: At(2), body: "older"),
            ],
            Collections =
            [
                Collection(3, topics: [1], observedAt: At(2)) with
                {
                    Name = "older",
                },
                Collection(3, topics: [2], observedAt: At(6)) with
                {
                    Name = "newest",
                },
                Collection(3, topics: [3], observedAt: At(6)) with
                {
                    Name = "newest, later",
                },
                Collection(3, topics: [4], observedAt: At(3)) with
                {
                    Name = "old",
                },
            ],
        };

        var plan = new WritePlan(batch);

        var posts = Single(plan, Step.Posts);
        Assert.Equal([11], Values<int>(posts, "votes_count"));
        Assert.Equal([At(5)], Values<DateTimeOffset>(posts, "observed_at"));
        Assert.Equal([11], Values<int>(Single(plan, Step.Snapshots), "votes_count"));
        Assert.Equal([At(5)], Values<DateTimeOffset>(Single(plan, Step.PostTopics), "observed_at", alias: "o"));
        Assert.Equal(["newest, later"], Values<string>(Single(plan, Step.Comments), "body"));
        Assert.Equal(["newest, later"], Values<string>(Single(plan, Step.Collections), "name"));
        var collectionTopics = Single(plan, Step.CollectionTopics);
        Assert.Equal([At(6)], Values<DateTimeOffset>(collectionTopics, "observed_at", alias: "o"));
        Assert.Equal([3], Values<long>(collectionTopics, "topic_id"));
    }

    [Fact]
    public void A_user_row_carries_every_field()
    {
        var user = new User(
            7,
            "Ada",
            "ada",
            null,
            "ada_tw",
            null,
            "https://ph/@ada",
            T0,
            "https://i/ada.png",
            null,
            true
        );
        var other = new User(
            8,
            "Bob",
            "bob",
            "Builds",
            null,
            "https://bob",
            "https://ph/@bob",
            T0.AddDays(1),
            null,
            "c",
            false
        );

        var users = Single(new WritePlan(new HarvestBatch { Users = [other, user] }), Step.Users);

        Assert.Equal([7, 8], Values<long>(users, "id"));
        Assert.Equal(["Ada", "Bob"], Values<string>(users, "name"));
        Assert.Equal(["ada", "bob"], Values<string>(users, "username"));
        Assert.Equal([null, "Builds"], Values<string?>(users, "headline"));
        Assert.Equal(["ada_tw", null], Values<string?>(users, "twitter_username"));
        Assert.Equal([null, "https://bob"], Values<string?>(users, "website_url"));
        Assert.Equal(["https://ph/@ada", "https://ph/@bob"], Values<string>(users, "url"));
        Assert.Equal([T0, T0.AddDays(1)], Values<DateTimeOffset>(users, "created_at"));
        Assert.Equal(["https://i/ada.png", null], Values<string?>(users, "profile_image"));
        Assert.Equal([null, "c"], Values<string?>(users, "cover_image"));
        Assert.Equal([true, false], Values<bool>(users, "is_maker"));
    }

    [Fact]
    public void A_topic_row_carries_every_field_and_nulls_for_what_a_stub_lacks()
    {
        var full = new Topic(3, "AI", "ai", "Machines", "https://ph/topics/ai", T0, 5, 6, "https://i/ai.png");

        var topics = Single(new WritePlan(new HarvestBatch { Topics = [full, Topic(2)] }), Step.Topics);

        Assert.Equal([2, 3], Values<long>(topics, "id"));
        Assert.Equal(["Topic 2", "AI"], Values<string>(topics, "name"));
        Assert.Equal(["topic-2", "ai"], Values<string>(topics, "slug"));
        Assert.Equal([null, "Machines"], Values<string?>(topics, "description"));
        Assert.Equal([null, "https://ph/topics/ai"], Values<string?>(topics, "url"));
        Assert.Equal([null, T0], Values<DateTimeOffset?>(topics, "created_at"));
        Assert.Equal([null, 5], Values<int?>(topics, "followers_count"));
        Assert.Equal([null, 6], Values<int?>(topics, "posts_count"));
        Assert.Equal([null, "https://i/ai.png"], Values<string?>(topics, "image"));
    }

    [Fact]
    public void A_post_row_carries_every_field_and_its_counts_go_to_the_snapshot()
    {
        var first = new Post(
            1,
            "One",
            "one",
            "First tagline",
            null,
            "https://ph/posts/one",
            "https://one.example",
            10,
            2,
            1,
            4.5,
            T0,
            null,
            UserRef.Of(5),
            [],
            [],
            null,
            [],
            [],
            T0.AddDays(1)
        );
        var second = first with
        {
            Id = 2,
            Name = "Two",
            Slug = "two",
            Tagline = "Second tagline",
            Description = "Described",
            Url = "https://ph/posts/two",
            Website = "https://two.example",
            VotesCount = 20,
            CommentsCount = 4,
            ReviewsCount = 3,
            ReviewsRating = 3.25,
            CreatedAt = T0.AddHours(1),
            FeaturedAt = T0.AddHours(2),
            Thumbnail = new Media("video", "https://i/two.jpg", "https://v/two"),
            ObservedAt = T0.AddDays(2),
        };

        var plan = new WritePlan(new HarvestBatch { Users = [User(5)], Posts = [second, first] });

        var posts = Single(plan, Step.Posts);
        Assert.Equal([1, 2], Values<long>(posts, "id"));
        Assert.Equal(["One", "Two"], Values<string>(posts, "name"));
        Assert.Equal(["one", "two"], Values<string>(posts, "slug"));
        Assert.Equal(["First tagline", "Second tagline"], Values<string>(posts, "tagline"));
        Assert.Equal([null, "Described"], Values<string?>(posts, "description"));
        Assert.Equal(["https://ph/posts/one", "https://ph/posts/two"], Values<string>(posts, "url"));
        Assert.Equal(["https://one.example", "https://two.example"], Values<string>(posts, "website"));
        Assert.Equal([10, 20], Values<int>(posts, "votes_count"));
        Assert.Equal([2, 4], Values<int>(posts, "comments_count"));
        Assert.Equal([1, 3], Values<int>(posts, "reviews_count"));
        Assert.Equal([4.5, 3.25], Values<double>(posts, "reviews_rating"));
        Assert.Equal([T0, T0.AddHours(1)], Values<DateTimeOffset>(posts, "created_at"));
        Assert.Equal([null, T0.AddHours(2)], Values<DateTimeOffset?>(posts, "featured_at"));
        Assert.Equal([5, 5], Values<long?>(posts, "hunter_id"));
        Assert.Equal([false, false], Values<bool>(posts, "hunter_redacted"));
        Assert.Equal([null, "video"], Values<string?>(posts, "thumbnail_type"));
        Assert.Equal([null, "https://i/two.jpg"], Values<string?>(posts, "thumbnail_url"));
        Assert.Equal([null, "https://v/two"], Values<string?>(posts, "thumbnail_video_url"));
        Assert.Equal([T0.AddDays(1), T0.AddDays(2)], Values<DateTimeOffset>(posts, "observed_at"));

        var snapshots = Single(plan, Step.Snapshots);
        Assert.Equal([1, 2], Values<long>(snapshots, "post_id"));
        Assert.Equal([T0.AddDays(1), T0.AddDays(2)], Values<DateTimeOffset>(snapshots, "observed_at"));
        Assert.Equal([10, 20], Values<int>(snapshots, "votes_count"));
        Assert.Equal([2, 4], Values<int>(snapshots, "comments_count"));
        Assert.Equal([1, 3], Values<int>(snapshots, "reviews_count"));
    }

    [Fact]
    public void The_links_of_a_post_are_listed_for_every_post_in_the_batch_with_its_observation()
    {
        var batch = new HarvestBatch
        {
            Topics = [Topic(3), Topic(4), Topic(8)],
            Users = [User(5), User(6), User(7)],
            Posts =
            [
                Post(
                    2,
                    T0.AddDays(2),
                    topics: [8, 3, 8],
                    makers: [UserRef.Of(7), UserRef.Redacted, UserRef.Of(5), UserRef.Of(7), UserRef.Of(6)]
                ) with
                {
                    Media =
                    [
                        new Media("image", "https://i/2a.png", null),
                        new Media("video", "https://i/2b", "https://v/2b"),
                    ],
                    ProductLinks =
                    [
                        new ProductLink("website", "https://two"),
                        new ProductLink("App Store", "https://app/2"),
                    ],
                },
                Post(1, T0.AddDays(1), topics: [4], makers: [UserRef.Redacted]) with
                {
                    Media = [new Media("image", "https://i/1.png", null)],
                    ProductLinks = [],
                },
                Post(3, T0.AddDays(3), topics: [], makers: [UserRef.Of(5)]) with
                {
                    Media = [],
                    ProductLinks = [new ProductLink("website", "https://three")],
                },
            ],
        };

        var plan = new WritePlan(batch);

        foreach (var step in new[] { Step.PostTopics, Step.PostMakers, Step.PostMedia, Step.PostProductLinks })
        {
            var statement = Single(plan, step);
            Assert.Equal([1, 2, 3], Values<long>(statement, "id", alias: "o"));
            Assert.Equal(
                [T0.AddDays(1), T0.AddDays(2), T0.AddDays(3)],
                Values<DateTimeOffset>(statement, "observed_at", alias: "o")
            );
        }

        // Topics once each, in id order.
        var topics = Single(plan, Step.PostTopics);
        Assert.Equal([1, 2, 2], Values<long>(topics, "post_id"));
        Assert.Equal([4, 3, 8], Values<long>(topics, "topic_id"));

        // Disclosed makers once each, numbered in the order they were listed.
        var makers = Single(plan, Step.PostMakers);
        Assert.Equal([2, 2, 2, 3], Values<long>(makers, "post_id"));
        Assert.Equal([7, 5, 6, 5], Values<long>(makers, "user_id"));
        Assert.Equal([0, 1, 2, 0], Values<int>(makers, "position"));

        // Media and product links numbered in the order they were listed.
        var media = Single(plan, Step.PostMedia);
        Assert.Equal([1, 2, 2], Values<long>(media, "post_id"));
        Assert.Equal([0, 0, 1], Values<int>(media, "position"));
        Assert.Equal(["image", "image", "video"], Values<string>(media, "type"));
        Assert.Equal(["https://i/1.png", "https://i/2a.png", "https://i/2b"], Values<string>(media, "url"));
        Assert.Equal([null, null, "https://v/2b"], Values<string?>(media, "video_url"));

        var links = Single(plan, Step.PostProductLinks);
        Assert.Equal([2, 2, 3], Values<long>(links, "post_id"));
        Assert.Equal([0, 1, 0], Values<int>(links, "position"));
        Assert.Equal(["website", "App Store", "website"], Values<string>(links, "type"));
        Assert.Equal(["https://two", "https://app/2", "https://three"], Values<string>(links, "url"));
    }

    [Fact]
    public void A_comment_row_carries_every_field()
    {
        var reply = new Comment(9, 1, 8, "Agreed", "https://ph/c/9", T0.AddHours(1), 3, UserRef.Of(5), T0.AddDays(2));
        var root = new Comment(8, 1, null, "First!", "https://ph/c/8", T0, 0, UserRef.Of(6), T0.AddDays(1));

        var batch = new HarvestBatch
        {
            Users = [User(5), User(6)],
            Posts = [Post(1, hunter: UserRef.Of(5), makers: [])],
            Comments = [reply, root],
        };
        var comments = Single(new WritePlan(batch), Step.Comments);

        Assert.Equal([8, 9], Values<long>(comments, "id"));
        Assert.Equal([1, 1], Values<long?>(comments, "post_id"));
        Assert.Equal([null, 8], Values<long?>(comments, "parent_id"));
        Assert.Equal(["First!", "Agreed"], Values<string>(comments, "body"));
        Assert.Equal(["https://ph/c/8", "https://ph/c/9"], Values<string>(comments, "url"));
        Assert.Equal([T0, T0.AddHours(1)], Values<DateTimeOffset>(comments, "created_at"));
        Assert.Equal([0, 3], Values<int>(comments, "votes_count"));
        Assert.Equal([6, 5], Values<long?>(comments, "author_id"));
        Assert.Equal([false, false], Values<bool>(comments, "author_redacted"));
        Assert.Equal([T0.AddDays(1), T0.AddDays(2)], Values<DateTimeOffset>(comments, "observed_at"));
    }

    [Fact]
    public void A_vote_names_its_post_or_its_comment_and_leaves_the_other_null()
    {
        var batch = new HarvestBatch
        {
            Votes = [Vote(2, VoteSubject.Comment, 40, UserRef.Of(6)), Vote(1, VoteSubject.Post, 30, UserRef.Of(5))],
        };

        var votes = Single(new WritePlan(batch), Step.Votes);

        Assert.Equal([1, 2], Values<long>(votes, "id"));
        Assert.Equal([30, null], Values<long?>(votes, "post_id"));
        Assert.Equal([null, 40], Values<long?>(votes, "comment_id"));
        Assert.Equal([T0.AddSeconds(1), T0.AddSeconds(2)], Values<DateTimeOffset>(votes, "created_at"));
        Assert.Equal([5, 6], Values<long?>(votes, "voter_id"));
        Assert.Equal([false, false], Values<bool>(votes, "voter_redacted"));
    }

    [Fact]
    public void A_collection_row_carries_every_field_and_only_collections_read_with_topics_replace_them()
    {
        var read = new Collection(
            4,
            "Tools",
            "Useful",
            "Things we use",
            "https://ph/c/tools",
            T0,
            T0.AddDays(1),
            12,
            "https://i/tools.png",
            UserRef.Of(5),
            [9, 2, 9],
            T0.AddDays(3)
        );
        var withoutTopics = read with
        {
            Id = 3,
            Name = "Games",
            Tagline = "Fun",
            Description = null,
            Url = "https://ph/c/games",
            CreatedAt = T0.AddHours(1),
            FeaturedAt = null,
            FollowersCount = 0,
            CoverImage = null,
            TopicIds = null,
            ObservedAt = T0.AddDays(2),
        };
        var withNoTopics = read with { Id = 5, TopicIds = [], ObservedAt = T0.AddDays(4) };

        var batch = new HarvestBatch
        {
            Users = [User(5)],
            Topics = [Topic(2), Topic(9)],
            Collections = [withNoTopics, read, withoutTopics],
        };
        var plan = new WritePlan(batch);

        var collections = Single(plan, Step.Collections);
        Assert.Equal([3, 4, 5], Values<long>(collections, "id"));
        Assert.Equal(["Games", "Tools", "Tools"], Values<string>(collections, "name"));
        Assert.Equal(["Fun", "Useful", "Useful"], Values<string>(collections, "tagline"));
        Assert.Equal([null, "Things we use", "Things we use"], Values<string?>(collections, "description"));
        Assert.Equal(
            ["https://ph/c/games", "https://ph/c/tools", "https://ph/c/tools"],
            Values<string>(collections, "url")
        );
        Assert.Equal([T0.AddHours(1), T0, T0], Values<DateTimeOffset>(collections, "created_at"));
        Assert.Equal([null, T0.AddDays(1), T0.AddDays(1)], Values<DateTimeOffset?>(collections, "featured_at"));
        Assert.Equal([0, 12, 12], Values<int>(collections, "followers_count"));
        Assert.Equal([null, "https://i/tools.png", "https://i/tools.png"], Values<string?>(collections, "cover_image"));
        Assert.Equal([5, 5, 5], Values<long?>(collections, "curator_id"));
        Assert.Equal([false, false, false], Values<bool>(collections, "curator_redacted"));
        Assert.Equal([T0.AddDays(2), T0.AddDays(3), T0.AddDays(4)], Values<DateTimeOffset>(collections, "observed_at"));

        var topics = Single(plan, Step.CollectionTopics);
        Assert.Equal([4, 5], Values<long>(topics, "id", alias: "o"));
        Assert.Equal([T0.AddDays(3), T0.AddDays(4)], Values<DateTimeOffset>(topics, "observed_at", alias: "o"));
        Assert.Equal([4, 4], Values<long>(topics, "collection_id"));
        Assert.Equal([2, 9], Values<long>(topics, "topic_id"));
    }

    [Fact]
    public void Collection_pages_are_merged_and_a_collection_is_complete_when_any_of_its_pages_says_so()
    {
        var batch = new HarvestBatch
        {
            Posts =
            [
                Post(1, makers: [], hunter: UserRef.Redacted, topics: []),
                Post(2, makers: [], hunter: UserRef.Redacted, topics: []),
            ],
            Collections =
            [
                Collection(7, topics: null, curator: UserRef.Redacted),
                Collection(8, topics: null, curator: UserRef.Redacted),
            ],
            CollectionPosts =
            [
                new CollectionPosts(8, [2, 1], false),
                new CollectionPosts(7, [2], false),
                new CollectionPosts(8, [1], true),
                new CollectionPosts(9, [2], false),
            ],
        };

        var collectionPosts = Single(new WritePlan(batch), Step.CollectionPosts);

        Assert.Equal([8], Values<long>(collectionPosts, "id", alias: null));
        Assert.Equal([7, 8, 8, 9], Values<long>(collectionPosts, "collection_id"));
        Assert.Equal([2, 1, 2, 2], Values<long>(collectionPosts, "post_id"));
    }

    [Fact]
    public void Every_parameter_is_an_array_unnested_once_with_the_sql_type_of_its_values()
    {
        foreach (var (step, command) in new WritePlan(FullBatch()).Statements)
        {
            var sources = Sources(command.CommandText);
            var numbers = sources.SelectMany(s => s.Columns).Select(c => c.Parameter).Order().ToArray();
            Assert.Equal([.. Enumerable.Range(1, command.Parameters.Count)], numbers);
            foreach (var source in sources)
            {
                var lengths = new HashSet<int>();
                foreach (var column in source.Columns)
                {
                    var array = Assert.IsAssignableFrom<Array>(command.Parameters[column.Parameter - 1].Value);
                    var type = array.GetType().GetElementType()!;
                    Assert.True(
                        SqlType(Nullable.GetUnderlyingType(type) ?? type) == column.Type,
                        $"{step}: {column.Name} is {column.Type} but holds {type.Name}"
                    );
                    lengths.Add(array.Length);
                }

                Assert.True(lengths.Count == 1, $"{step}: arrays of one unnest differ in length");
            }
        }
    }

    [Fact]
    public void Timestamps_are_sent_in_utc()
    {
        var timestamps = new WritePlan(FullBatch())
            .Statements.SelectMany(s => s.Command.Parameters)
            .Select(p => p.Value)
            .OfType<Array>()
            .SelectMany(a => a.Cast<object?>())
            .OfType<DateTimeOffset>()
            .ToArray();

        Assert.NotEmpty(timestamps);
        Assert.All(timestamps, t => Assert.Equal(TimeSpan.Zero, t.Offset));
    }

    [Theory]
    [InlineData("Users", "users", "", false)]
    [InlineData("Topics", "topics", "description url created_at followers_count posts_count image", false)]
    [InlineData("Posts", "posts", "", true)]
    [InlineData("Comments", "comments", "", true)]
    [InlineData("Votes", "votes", "", false)]
    [InlineData("Collections", "collections", "", true)]
    public void An_upsert_inserts_by_id_and_updates_the_other_columns_only_when_one_differs(
        string step,
        string table,
        string keptWhenNull,
        bool newerObservationOnly
    )
    {
        var sql = Single(new WritePlan(FullBatch()), Enum.Parse<Step>(step)).CommandText;
        var columns = Assert.Single(Sources(sql)).Columns.Select(c => c.Name).ToArray();
        var coalesced = keptWhenNull.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var data = columns.Where(c => c != "id").ToArray();
        string Incoming(string c) => coalesced.Contains(c) ? $"coalesce(EXCLUDED.{c}, t.{c})" : $"EXCLUDED.{c}";

        Assert.Equal("id", columns[0]);
        Assert.All(coalesced, c => Assert.Contains(c, data));
        var names = string.Join(", ", columns);
        Assert.Contains($"INSERT INTO {table} AS t ({names}) SELECT {names} FROM src", sql);
        var update = UpdatePattern().Match(sql);
        Assert.True(update.Success, sql);
        Assert.Equal(string.Join(", ", data.Select(c => $"{c} = {Incoming(c)}")), update.Groups["set"].Value);
        var changed =
            $"({string.Join(", ", data.Select(c => $"t.{c}"))}) IS DISTINCT FROM ({string.Join(", ", data.Select(Incoming))})";
        Assert.Equal(
            newerObservationOnly
                ? $"(t.observed_at IS NULL OR t.observed_at <= EXCLUDED.observed_at) AND {changed}"
                : changed,
            update.Groups["where"].Value
        );
    }

    [Theory]
    [InlineData("PostTopics", "post_topics", "post_id topic_id", "")]
    [InlineData("PostMakers", "post_makers", "post_id user_id", "position")]
    [InlineData("PostMedia", "post_media", "post_id position", "type url video_url")]
    [InlineData("PostProductLinks", "post_product_links", "post_id position", "type url")]
    [InlineData("CollectionTopics", "collection_topics", "collection_id topic_id", "")]
    [InlineData("CollectionPosts", "collection_posts", "collection_id post_id", "")]
    public void A_link_table_is_replaced_per_owner_keyed_by_its_link_and_updated_only_when_its_data_differs(
        string step,
        string table,
        string key,
        string dataColumns
    )
    {
        var sql = Single(new WritePlan(FullBatch()), Enum.Parse<Step>(step)).CommandText;
        var keys = key.Split(' ');
        var data = dataColumns.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var names = string.Join(", ", Sources(sql).Single(s => s.Alias == "s").Columns.Select(c => c.Name));

        Assert.Equal(string.Join(", ", keys.Concat(data).Order()), string.Join(", ", names.Split(", ").Order()));
        Assert.StartsWith(string.Join(", ", keys), names);
        // Rows of the owners that the new rows no longer list are deleted.
        Assert.Contains($"DELETE FROM {table} x", sql);
        Assert.Contains($"WHERE x.{keys[0]} = ANY (ARRAY(SELECT id FROM owners))", sql);
        var sameKey = string.Join(" AND ", keys.Select(k => $"s.{k} = x.{k}"));
        Assert.Contains($"AND NOT EXISTS (SELECT 1 FROM src s WHERE {sameKey})", sql);
        Assert.Contains($"INSERT INTO {table} AS t ({names}) SELECT {names} FROM src", sql);
        var onConflict = $"ON CONFLICT ({string.Join(", ", keys)}) ";
        if (data.Length == 0)
        {
            Assert.Contains(onConflict + "DO NOTHING RETURNING true AS inserted", sql);
        }
        else
        {
            var set = string.Join(", ", data.Select(d => $"{d} = EXCLUDED.{d}"));
            var stored = string.Join(", ", data.Select(d => $"t.{d}"));
            var incoming = string.Join(", ", data.Select(d => $"EXCLUDED.{d}"));
            Assert.Contains(
                $"{onConflict}DO UPDATE SET {set} WHERE ({stored}) IS DISTINCT FROM ({incoming}) RETURNING",
                sql
            );
        }
    }

    [Theory]
    [InlineData("PostTopics", "p.observed_at FROM posts p WHERE p.id", "post_id")]
    [InlineData("PostMakers", "p.observed_at FROM posts p WHERE p.id", "post_id")]
    [InlineData("PostMedia", "p.observed_at FROM posts p WHERE p.id", "post_id")]
    [InlineData("PostProductLinks", "p.observed_at FROM posts p WHERE p.id", "post_id")]
    [InlineData("CollectionTopics", "c.observed_at FROM collections c WHERE c.id", "collection_id")]
    public void Links_are_replaced_only_for_owners_whose_observation_was_the_one_stored(
        string step,
        string stored,
        string owner
    )
    {
        var sql = Single(new WritePlan(FullBatch()), Enum.Parse<Step>(step)).CommandText;

        // The owners: the rows of the batch whose observation is the one stored after the upsert.
        Assert.Contains($"(SELECT {stored} = o.id) = o.observed_at", sql);
        // The links of a post whose observation lost are not written either.
        Assert.Matches(
            $@"src AS \(SELECT s\.\* FROM unnest\([^()]*\) AS s\([^()]*\) WHERE s\.{owner} IN \(SELECT id FROM owners\)\),",
            sql
        );
    }

    [Fact]
    public void Collection_pages_only_add_posts_and_only_a_complete_set_removes_the_others()
    {
        var sql = Single(new WritePlan(FullBatch()), Step.CollectionPosts).CommandText;

        Assert.Contains("WITH owners AS (SELECT unnest($1::bigint[]) AS id),", sql);
        Assert.Matches(@"src AS \(SELECT s\.\* FROM unnest\([^()]*\) AS s\(collection_id, post_id\)\),", sql);
    }

    [Fact]
    public void A_snapshot_is_appended_only_for_the_stored_observation_and_only_when_a_count_changed()
    {
        var sql = Single(new WritePlan(FullBatch()), Step.Snapshots).CommandText;

        Assert.Contains("WHERE (SELECT p.observed_at FROM posts p WHERE p.id = s.post_id) = s.observed_at", sql);
        Assert.Contains("WHERE l.post_id = s.post_id ORDER BY l.observed_at DESC LIMIT 1", sql);
        Assert.Contains("= (s.votes_count, s.comments_count, s.reviews_count)", sql);
        Assert.Contains("ON CONFLICT (post_id, observed_at) DO NOTHING", sql);
    }

    private static HarvestBatch FullBatch() =>
        new()
        {
            Users = [User(10)],
            Topics = [Topic(5)],
            Posts = [Post(1, hunter: UserRef.Of(30), makers: [UserRef.Of(10), UserRef.Redacted], topics: [5, 6])],
            Comments = [Comment(100, postId: 2, parentId: 99, author: UserRef.Of(31))],
            Votes = [Vote(200, VoteSubject.Comment, 98, UserRef.Of(32))],
            Collections = [Collection(300, topics: [5], curator: UserRef.Redacted)],
            CollectionPosts = [new CollectionPosts(301, [1], true)],
        };

    private static User User(long id, string? name = null) =>
        new(
            id,
            name ?? $"User {id}",
            $"user{id}",
            $"Headline {id}",
            $"tw{id}",
            $"https://example.com/{id}",
            $"https://www.producthunt.com/@user{id}",
            T0.AddDays(-id),
            $"https://img.example/{id}.png",
            null,
            true
        );

    private static Topic Topic(long id) => new(id, $"Topic {id}", $"topic-{id}");

    private static Post Post(
        long id,
        DateTimeOffset? observedAt = null,
        int votes = 10,
        IReadOnlyList<long>? topics = null,
        UserRef? hunter = null,
        IReadOnlyList<UserRef>? makers = null
    ) =>
        new(
            id,
            $"Product {id}",
            $"product-{id}",
            $"Tagline {id}",
            $"Description {id}",
            $"https://www.producthunt.com/posts/product-{id}",
            $"https://product{id}.example",
            votes,
            votes + 1,
            votes + 2,
            4.5,
            T0.AddHours(id),
            T0.AddHours(id + 1),
            hunter ?? UserRef.Redacted,
            makers ?? [],
            [new Media("image", $"https://img.example/{id}.png", null)],
            new Media("image", $"https://img.example/{id}-thumb.png", null),
            [new ProductLink("website", $"https://product{id}.example")],
            topics ?? [],
            observedAt ?? T0.AddDays(1)
        );

    private static Comment Comment(
        long id,
        long postId,
        long? parentId = null,
        UserRef? author = null,
        DateTimeOffset? observedAt = null,
        string? body = null
    ) =>
        new(
            id,
            postId,
            parentId,
            body ?? $"Comment {id}",
            $"https://www.producthunt.com/posts/{postId}#comment-{id}",
            T0.AddHours(id),
            1,
            author ?? UserRef.Redacted,
            observedAt ?? T0.AddDays(1)
        );

    private static Vote Vote(long id, VoteSubject subject, long subjectId, UserRef? voter = null) =>
        new(id, subject, subjectId, T0.AddSeconds(id), voter ?? UserRef.Redacted);

    private static Collection Collection(
        long id,
        IReadOnlyList<long>? topics,
        UserRef? curator = null,
        DateTimeOffset? observedAt = null
    ) =>
        new(
            id,
            $"Collection {id}",
            $"Tagline {id}",
            null,
            $"https://www.producthunt.com/collections/{id}",
            T0.AddDays(-id),
            null,
            (int)id,
            null,
            curator ?? UserRef.Redacted,
            topics,
            observedAt ?? T0.AddDays(1)
        );

    private static NpgsqlBatchCommand Single(WritePlan plan, Step step) =>
        Assert.Single(plan.Statements, s => s.Step == step).Command;

    /// <summary>
    /// The values of <paramref name="column"/> in the unnest aliased <paramref name="alias"/> (null: the unnest
    /// of a single array named by its alias).
    /// </summary>
    private static List<T> Values<T>(NpgsqlBatchCommand command, string column, string? alias = "s")
    {
        var source = Assert.Single(
            Sources(command.CommandText),
            s => alias is null ? s.Alias == column : s.Alias == alias
        );
        var parameter = Assert.Single(source.Columns, c => c.Name == column).Parameter;
        return [.. Assert.IsType<NpgsqlParameter<T[]>>(command.Parameters[parameter - 1]).TypedValue!];
    }

    private sealed record SourceColumn(string Name, string Type, int Parameter);

    private sealed record Source(string Alias, IReadOnlyList<SourceColumn> Columns);

    /// <summary>The <c>unnest($n::type[], …) AS alias(name, …)</c> of <paramref name="sql"/>.</summary>
    private static List<Source> Sources(string sql)
    {
        var sources = new List<Source>();
        foreach (Match match in UnnestPattern().Matches(sql))
        {
            var arrays = match.Groups["arrays"].Value.Split(", ");
            var alias = match.Groups["alias"].Value;
            var names = match.Groups["names"].Success ? match.Groups["names"].Value.Split(", ") : [alias];
            Assert.Equal(arrays.Length, names.Length);
            var columns = arrays
                .Select(
                    (array, i) =>
                    {
                        var parsed = ArrayPattern().Match(array);
                        Assert.True(parsed.Success, $"not an array parameter: '{array}'");
                        return new SourceColumn(
                            names[i],
                            parsed.Groups["type"].Value,
                            int.Parse(parsed.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)
                        );
                    }
                )
                .ToArray();
            sources.Add(new Source(alias, columns));
        }

        return sources;
    }

    private static string SqlType(Type type) =>
        type == typeof(long) ? "bigint"
        : type == typeof(int) ? "integer"
        : type == typeof(string) ? "text"
        : type == typeof(bool) ? "boolean"
        : type == typeof(double) ? "double precision"
        : type == typeof(DateTimeOffset) ? "timestamptz"
        : type.Name;

    [GeneratedRegex(@"unnest\((?<arrays>[^()]*)\)\s+AS\s+(?<alias>\w+)(?:\((?<names>[^()]*)\))?")]
    private static partial Regex UnnestPattern();

    [GeneratedRegex(@"^\$(?<n>\d+)::(?<type>[a-z ]+)\[\]$")]
    private static partial Regex ArrayPattern();

    [GeneratedRegex(
        @"ON CONFLICT \(id\) DO UPDATE SET (?<set>.*)\n\s*WHERE (?<where>.*)\n\s*RETURNING \(xmax = 0\) AS inserted"
    )]
    private static partial Regex UpdatePattern();
}
