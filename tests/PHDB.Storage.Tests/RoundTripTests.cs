using PHDB.Domain;
using PHDB.Testing;

namespace PHDB.Storage.Tests;

public sealed class RoundTripTests(PostgresServer postgres)
{
    [Fact]
    public async Task Every_entity_is_written_and_read_back()
    {
        await using var store = await TestStore.CreateAsync(postgres, "roundtrip");
        var post = Samples.Post(
            1,
            votes: 40,
            topics: [1, 2],
            hunter: UserRef.Of(10),
            makers: [UserRef.Of(11), UserRef.Redacted, UserRef.Of(12)],
            media: 4,
            links: 2
        );
        var batch = new HarvestBatch
        {
            Users = [Samples.User(10), Samples.User(11), Samples.User(12), Samples.User(13)],
            Topics = [Samples.FullTopic(1), Samples.Stub(2), Samples.FullTopic(3)],
            Posts = [post],
            Comments =
            [
                Samples.Comment(100, 1, author: UserRef.Of(13)),
                Samples.Comment(101, 1, parentId: 100, author: UserRef.Redacted),
            ],
            Votes =
            [
                Samples.Vote(500, VoteSubject.Post, 1, UserRef.Of(13)),
                Samples.Vote(501, VoteSubject.Comment, 100),
            ],
            Collections = [Samples.Collection(7, topics: [3], curator: UserRef.Of(13))],
            CollectionPosts = [new CollectionPosts(7, [1], IsComplete: true)],
        };

        var result = await store.WriteAsync(batch);

        Assert.Equal(new EntityChanges(4, 0, 0), result.Users);
        Assert.Equal(new EntityChanges(3, 0, 0), result.Topics);
        Assert.Equal(new EntityChanges(1, 0, 0), result.Posts);
        Assert.Equal(new EntityChanges(2, 0, 0), result.PostTopics);
        Assert.Equal(new EntityChanges(2, 0, 0), result.PostMakers);
        Assert.Equal(new EntityChanges(4, 0, 0), result.PostMedia);
        Assert.Equal(new EntityChanges(2, 0, 0), result.PostProductLinks);
        Assert.Equal(new EntityChanges(2, 0, 0), result.Comments);
        Assert.Equal(new EntityChanges(2, 0, 0), result.Votes);
        Assert.Equal(new EntityChanges(1, 0, 0), result.Collections);
        Assert.Equal(new EntityChanges(1, 0, 0), result.CollectionPosts);
        Assert.Equal(new EntityChanges(1, 0, 0), result.CollectionTopics);
        Assert.Equal(1, result.SnapshotsAppended);
        Assert.Equal(0, result.PlaceholdersCreated);

        var detail = await store.Reader.GetPostAsync(1, TestContext.Current.CancellationToken);
        Assert.NotNull(detail);
        Assert.Equal(post.Name, detail.Post.Name);
        Assert.Equal(post.Tagline, detail.Post.Tagline);
        Assert.Equal(post.Description, detail.Description);
        Assert.Equal(post.Url, detail.Url);
        Assert.Equal(post.Website, detail.Website);
        Assert.Equal(post.VotesCount, detail.Post.VotesCount);
        Assert.Equal(post.CommentsCount, detail.Post.CommentsCount);
        Assert.Equal(post.ReviewsCount, detail.ReviewsCount);
        Assert.Equal(post.ReviewsRating, detail.ReviewsRating);
        Assert.Equal(post.CreatedAt, detail.Post.CreatedAt);
        Assert.Equal(post.FeaturedAt, detail.Post.FeaturedAt);
        Assert.Equal(post.Thumbnail!.Url, detail.Post.ThumbnailUrl);
        Assert.Equal(post.ObservedAt, detail.ObservedAt);
        Assert.Equal(10, detail.Hunter?.Id);
        Assert.Equal("User 10", detail.Hunter?.Name);
        Assert.Equal([11L, 12L], detail.Makers.Select(m => m.Id));
        Assert.Equal(1, detail.RedactedMakers);
        Assert.Equal([1L, 2L], detail.Topics.Select(t => t.Id).Order());
        Assert.Equal(post.Media.Select(m => new MediaItem(m.Type, m.Url, m.VideoUrl)), detail.Media);
        Assert.Equal(post.ProductLinks.Select(l => new ProductLinkItem(l.Type, l.Url)), detail.ProductLinks);
        var root = Assert.Single(detail.Comments);
        Assert.Equal(100, root.Id);
        Assert.Equal(13, root.Author?.Id);
        var reply = Assert.Single(root.Replies);
        Assert.Equal(101, reply.Id);
        Assert.True(reply.AuthorRedacted);
        Assert.Null(reply.Author);
        Assert.Equal(1, detail.VotesStored);
        Assert.Equal([new PostSnapshot(post.ObservedAt, 40, 4, 2)], detail.History);

        Assert.Equal(1, await store.CountAsync("votes", "comment_id = 100 AND voter_redacted AND voter_id IS NULL"));
        Assert.Equal(1, await store.CountAsync("collections", "id = 7 AND curator_id = 13 AND NOT curator_redacted"));
        Assert.Equal(1, await store.CountAsync("collection_topics", "collection_id = 7 AND topic_id = 3"));
        Assert.Equal(1, await store.CountAsync("collection_posts", "collection_id = 7 AND post_id = 1"));
        Assert.Equal(
            1,
            await store.CountAsync(
                "users",
                "id = 11 AND username = 'user11' AND headline = 'Builds things #11' AND is_maker = false"
            )
        );
        Assert.Equal(
            1,
            await store.CountAsync("topics", "id = 1 AND followers_count = 100 AND description = 'All about topic 1'")
        );
    }

    [Fact]
    public async Task Instants_with_an_offset_are_stored_as_the_same_instant()
    {
        await using var store = await TestStore.CreateAsync(postgres, "offsets");
        var pacific = new DateTimeOffset(2024, 5, 1, 0, 1, 0, TimeSpan.FromHours(-7));
        await store.WriteAsync(new HarvestBatch { Posts = [Samples.Post(1, createdAt: pacific)] });

        var detail = await store.Reader.GetPostAsync(1, TestContext.Current.CancellationToken);

        Assert.Equal(pacific, detail!.Post.CreatedAt);
    }

    [Fact]
    public async Task An_empty_batch_changes_nothing()
    {
        await using var store = await TestStore.CreateAsync(postgres, "empty");

        var result = await store.WriteAsync(new HarvestBatch());

        Assert.False(result.Changed);
    }
}
