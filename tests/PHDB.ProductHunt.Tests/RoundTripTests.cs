using PHDB.Domain;
using PHDB.Simulator.Hosting;

namespace PHDB.ProductHunt.Tests;

/// <summary>Every operation against the simulator over loopback HTTP, mapped to Domain entities.</summary>
public sealed class RoundTripTests(SharedSimulator shared)
{
    private SimulatorHost Simulator => shared.Host;

    internal static async Task<WorkResult> RunAsync(ProductHuntClient client, WorkItem item)
    {
        var pack = await client.ExecuteAsync([item], Testing.Cancel);
        var result = Assert.Single(pack.Results);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result;
    }

    /// <summary>One of the most voted posts with more than 3 comments.</summary>
    private static async Task<Post> APostWithCommentsAsync(ProductHuntClient client)
    {
        var posts = await RunAsync(client, new PostsPage { First = 20, Order = PostsOrder.Votes });
        return posts.Batch.Posts.First(p => p.CommentsCount > 3);
    }

    private static string Json(Post post) =>
        System.Text.Json.JsonSerializer.Serialize(post with { ObservedAt = default });

    [Fact]
    public async Task Verify_names_the_token_owner_and_the_budget()
    {
        using var client = Testing.Client(Simulator);
        var viewer = await client.VerifyAsync(Testing.Cancel);
        Assert.NotNull(viewer.User);
        Assert.True(viewer.User.Id > 0);
        Assert.NotEqual("[REDACTED]", viewer.User.Name);
        Assert.True(viewer.Budget.IsKnown);
        Assert.NotNull(viewer.Budget.Remaining);
        Assert.NotNull(viewer.Budget.ResetAt);
    }

    [Fact]
    public async Task Client_credentials_are_exchanged_for_a_public_token_with_no_viewer()
    {
        var application = Simulator.Options.EffectiveApplications[0];
        using var client = Testing.Client(
            Simulator,
            o =>
            {
                o.Token = null;
                o.ClientId = application.ClientId;
                o.ClientSecret = application.ClientSecret;
            }
        );
        var viewer = await client.VerifyAsync(Testing.Cancel);
        Assert.Null(viewer.User);
        Assert.True(viewer.Budget.IsKnown);
        var page = await RunAsync(client, new PostsPage { First = 3 });
        Assert.Equal(3, page.Batch.Posts.Count);
    }

    [Fact]
    public async Task Wrong_client_credentials_are_an_authentication_error()
    {
        using var client = Testing.Client(
            Simulator,
            o =>
            {
                o.Token = null;
                o.ClientId = "nobody";
                o.ClientSecret = "nothing";
            }
        );
        await Assert.ThrowsAsync<ProductHuntAuthenticationException>(() => client.VerifyAsync(Testing.Cancel));
    }

    [Fact]
    public async Task Posts_pages_map_to_posts_with_redacted_makers_and_topic_stubs()
    {
        using var client = Testing.Client(Simulator);
        var first = await RunAsync(client, new PostsPage { First = 10, Order = PostsOrder.Newest });
        Assert.Equal(10, first.Batch.Posts.Count);
        Assert.True(first.HasNextPage);
        Assert.NotNull(first.Next);
        Assert.True(first.TotalCount > 10);
        Assert.All(
            first.Batch.Posts,
            post =>
            {
                Assert.True(post.Id > 0);
                Assert.NotEmpty(post.TopicIds);
                Assert.All(post.Makers, m => Assert.NotEqual(0L, m.Id));
            }
        );
        Assert.All(first.Batch.Topics, t => Assert.True(t.IsStub));
        Assert.Contains(first.Batch.Posts.SelectMany(p => p.Makers.Append(p.Hunter)), u => u.IsRedacted);

        var second = await RunAsync(client, first.Next!);
        Assert.Empty(first.Batch.Posts.Select(p => p.Id).Intersect(second.Batch.Posts.Select(p => p.Id)));
    }

    [Fact]
    public async Task Lookups_run_as_named_operations()
    {
        using var client = Testing.Client(Simulator);
        var page = await RunAsync(client, new PostsPage { First = 1 });
        var post = page.Batch.Posts[0];

        var byId = await client.LookupAsync(new PostLookup(post.Id), Testing.Cancel);
        Assert.True(byId.Found);
        Assert.True(byId.Budget?.IsKnown);
        Assert.Equal(Json(post), Json(byId.Batch.Posts[0]));
        var bySlug = await client.LookupAsync(new PostLookup(Slug: post.Slug), Testing.Cancel);
        Assert.Equal(post.Id, bySlug.Batch.Posts[0].Id);

        var missing = await client.LookupAsync(new PostLookup(999_999_999), Testing.Cancel);
        Assert.False(missing.Found);
        Assert.Empty(missing.Batch.Posts);

        var topicId = post.TopicIds[0];
        var topic = await client.LookupAsync(new TopicLookup(topicId), Testing.Cancel);
        Assert.False(topic.Batch.Topics[0].IsStub);
        var topicBySlug = await client.LookupAsync(new TopicLookup(Slug: topic.Batch.Topics[0].Slug), Testing.Cancel);
        Assert.Equal(topicId, topicBySlug.Batch.Topics[0].Id);

        var owner = (await client.VerifyAsync(Testing.Cancel)).User!;
        var user = await client.LookupAsync(new UserLookup(owner.Id), Testing.Cancel);
        Assert.Equal(owner, Assert.Single(user.Batch.Users));
        var byName = await client.LookupAsync(new UserLookup(Username: owner.Username), Testing.Cancel);
        Assert.Equal(owner.Id, Assert.Single(byName.Batch.Users).Id);
    }

    [Fact]
    public async Task A_redacted_user_lookup_is_found_but_discloses_nobody()
    {
        using var client = Testing.Client(Simulator);
        var owner = (await client.VerifyAsync(Testing.Cancel)).User!;
        using var http = new HttpClient { BaseAddress = Simulator.BaseAddress };
        var truth = await http.GetStringAsync(new Uri("_sim/truth/users", UriKind.Relative), Testing.Cancel);
        var someone = truth
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line =>
                long.Parse(
                    System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!,
                    System.Globalization.CultureInfo.InvariantCulture
                )
            )
            .First(id => id != owner.Id);
        var other = await client.LookupAsync(new UserLookup(someone), Testing.Cancel);
        Assert.True(other.Found);
        Assert.Empty(other.Batch.Users);
    }

    [Fact]
    public async Task Topics_collections_and_collection_posts_round_trip()
    {
        using var client = Testing.Client(Simulator);
        var topics = await RunAsync(client, new TopicsPage { First = 20, Order = TopicsOrder.FollowersCount });
        Assert.Equal(20, topics.Batch.Topics.Count);
        Assert.All(topics.Batch.Topics, t => Assert.False(t.IsStub));

        var collections = await RunAsync(client, new CollectionsPage { First = 5 });
        Assert.NotEmpty(collections.Batch.Collections);
        var collection = collections.Batch.Collections[0];
        Assert.True(collection.Curator.IsRedacted || collection.Curator.Id > 0);

        var lookup = await client.LookupAsync(new CollectionLookup(collection.Id), Testing.Cancel);
        Assert.Equal(collection.Id, lookup.Batch.Collections[0].Id);

        var posts = await RunAsync(client, new CollectionPostsPage(collection.Id) { First = 20 });
        var links = Assert.Single(posts.Batch.CollectionPosts);
        Assert.Equal(collection.Id, links.CollectionId);
        Assert.Equal(!posts.HasNextPage, links.IsComplete);
    }

    [Fact]
    public async Task A_comments_page_that_counts_threads_leaves_each_thread_with_replies_a_page_sized_to_it()
    {
        using var client = Testing.Client(Simulator);
        var post = await APostWithCommentsAsync(client);

        var counted = await RunAsync(client, new PostCommentsPage(post.Id) { First = 20, RepliesFirst = 0 });
        var nested = await RunAsync(client, new PostCommentsPage(post.Id) { First = 20, RepliesFirst = 20 });

        Assert.All(counted.Batch.Comments, c => Assert.Null(c.ParentId));
        var threads = nested
            .Batch.Comments.Where(c => c.ParentId is not null)
            .CountBy(c => c.ParentId!.Value)
            .ToDictionary();
        Assert.NotEmpty(threads);
        var followUps = counted.FollowUps.Cast<CommentRepliesPage>().ToList();
        Assert.Equal(
            threads.Select(t => (t.Key, t.Value)).Order(),
            followUps.Select(f => (f.CommentId, f.First)).Order()
        );
        Assert.All(followUps, f => Assert.Null(f.After));
        foreach (var followUp in followUps)
        {
            var replies = await RunAsync(client, followUp);
            Assert.False(replies.HasNextPage);
            Assert.Equal(
                nested.Batch.Comments.Where(c => c.ParentId == followUp.CommentId).Select(c => c.Id).Order(),
                replies.Batch.Comments.Select(c => c.Id).Order()
            );
        }
    }

    [Fact]
    public async Task A_lean_comments_page_that_counts_threads_leaves_each_thread_with_replies_a_lean_page_sized_to_it()
    {
        using var client = Testing.Client(Simulator);
        var post = await APostWithCommentsAsync(client);

        var counted = await RunAsync(client, new PostCommentTalliesPage(post.Id) { First = 20, RepliesFirst = 0 });
        var nested = await RunAsync(client, new PostCommentsPage(post.Id) { First = 20, RepliesFirst = 20 });

        // The nested page is shrunk to fit the complexity cap (20 replies with each comment): its comments are the
        // first of the counted page's.
        var topLevel = nested.Batch.Comments.Where(c => c.ParentId is null).ToList();
        Assert.NotEmpty(topLevel);
        Assert.Subset(
            counted.CommentTallies.ToHashSet(),
            topLevel.Select(c => new CommentTally(c.Id, post.Id, c.VotesCount)).ToHashSet()
        );
        var threads = nested
            .Batch.Comments.Where(c => c.ParentId is not null)
            .GroupBy(c => c.ParentId!.Value)
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.NotEmpty(threads);
        var read = topLevel.Select(c => c.Id).ToHashSet();
        var followUps = counted
            .FollowUps.Cast<CommentReplyTalliesPage>()
            .Where(f => read.Contains(f.CommentId))
            .ToList();
        Assert.Equal(
            threads.Select(t => (t.Key, t.Value.Count)).Order(),
            followUps.Select(f => (f.CommentId, f.First)).Order()
        );
        foreach (var followUp in followUps)
        {
            var replies = await RunAsync(client, followUp);
            Assert.False(replies.HasNextPage);
            Assert.Empty(replies.Batch.Comments);
            Assert.Equal(
                threads[followUp.CommentId]
                    .Select(c => new CommentTally(c.Id, post.Id, c.VotesCount))
                    .OrderBy(c => c.Id),
                replies.CommentTallies.OrderBy(c => c.Id)
            );
        }

        // A thread read on from a cursor is read leanly too.
        var longest = threads.MaxBy(t => t.Value.Count);
        var first = await RunAsync(client, new CommentReplyTalliesPage(post.Id, longest.Key) { First = 1 });
        Assert.Equal(longest.Value.Count > 1, first.HasNextPage);
        if (first.HasNextPage)
        {
            var next = Assert.IsType<CommentReplyTalliesPage>(first.Next);
            Assert.Equal(longest.Key, next.CommentId);
            Assert.NotNull(next.After);
        }

        // Counting threads costs a third of reading 3 replies with every comment.
        Assert.True(
            WorkItemComplexity.Of(new PostCommentTalliesPage(1) { RepliesFirst = 0 }) * 3
                <= WorkItemComplexity.Of(new PostCommentTalliesPage(1) { RepliesFirst = 3 }),
            "counting threads is a third of the cost"
        );
    }

    [Fact]
    public async Task Comments_with_replies_and_votes_of_posts_and_comments_round_trip()
    {
        using var client = Testing.Client(Simulator);
        var post = await APostWithCommentsAsync(client);

        var comments = await RunAsync(client, new PostCommentsPage(post.Id) { First = 20, RepliesFirst = 1 });
        Assert.NotEmpty(comments.Batch.Comments);
        Assert.All(comments.Batch.Comments, c => Assert.Equal(post.Id, c.PostId));
        var topLevel = comments.Batch.Comments.Where(c => c.ParentId is null).ToList();
        Assert.NotEmpty(topLevel);
        Assert.All(
            comments.Batch.Comments.Where(c => c.ParentId is not null),
            r => Assert.Contains(topLevel, c => c.Id == r.ParentId)
        );
        foreach (var followUp in comments.FollowUps.Cast<CommentRepliesPage>().Take(2))
        {
            var replies = await RunAsync(client, followUp);
            Assert.All(replies.Batch.Comments, r => Assert.Equal(followUp.CommentId, r.ParentId));
        }

        var lookup = await client.LookupAsync(new CommentLookup(topLevel[0].Id, post.Id), Testing.Cancel);
        Assert.Equal(topLevel[0] with { ObservedAt = default }, lookup.Batch.Comments[0] with { ObservedAt = default });

        var votes = await RunAsync(client, new VotesPage(VoteSubject.Post, post.Id) { First = 20 });
        Assert.NotEmpty(votes.Batch.Votes);
        Assert.All(votes.Batch.Votes, v => Assert.Equal((VoteSubject.Post, post.Id), (v.Subject, v.SubjectId)));
        Assert.All(votes.Batch.Votes, v => Assert.NotEqual(0L, v.Voter.Id));

        var voted = comments.Batch.Comments.FirstOrDefault(c => c.VotesCount > 0) ?? comments.Batch.Comments[0];
        var commentVotes = await RunAsync(client, new VotesPage(VoteSubject.Comment, voted.Id));
        Assert.Equal(Math.Min(20, voted.VotesCount), commentVotes.Batch.Votes.Count);
        Assert.All(commentVotes.Batch.Votes, v => Assert.Equal(VoteSubject.Comment, v.Subject));
    }

    [Fact]
    public async Task Lean_pages_carry_the_ids_and_counts_of_the_full_ones_and_store_nothing()
    {
        using var client = Testing.Client(Simulator);
        // Posts launched a month ago: the simulator's clock moves, and a post launched between the two reads would
        // shift the newest page.
        var before = Simulator.Clock.UtcNow.AddDays(-30);
        var full = await RunAsync(
            client,
            new PostsPage
            {
                First = 20,
                Order = PostsOrder.Newest,
                PostedBefore = before,
            }
        );
        var lean = await RunAsync(
            client,
            new PostTalliesPage
            {
                First = 20,
                Order = PostsOrder.Newest,
                PostedBefore = before,
            }
        );
        // The same posts in the same order: the full page may have been shrunk to pass the complexity cap, and may
        // reject a node whose other fields break the schema.
        Assert.Equal(20, lean.PostTallies.Count);
        Assert.InRange(full.NodeCount, 1, 20);
        Assert.Subset(
            lean.PostTallies.Take(full.NodeCount).ToHashSet(),
            full.Batch.Posts.Select(p => new PostTally(p.Id, p.CommentsCount, p.VotesCount)).ToHashSet()
        );
        Assert.Empty(lean.Batch.Posts);

        var post = (await RunAsync(client, new PostsPage { First = 20, Order = PostsOrder.Votes }))
            .Batch.Posts.OrderByDescending(p => p.CommentsCount)
            .First();
        var comments = await RunAsync(client, new PostCommentsPage(post.Id) { First = 20, RepliesFirst = 2 });
        var tallies = await RunAsync(client, new PostCommentTalliesPage(post.Id) { First = 20, RepliesFirst = 2 });
        Assert.Equal(
            comments.Batch.Comments.Select(c => new CommentTally(c.Id, post.Id, c.VotesCount)).OrderBy(c => c.Id),
            tallies.CommentTallies.OrderBy(c => c.Id)
        );
        Assert.Empty(tallies.Batch.Comments);
        Assert.Equal(
            comments.FollowUps.Cast<CommentRepliesPage>().Select(r => (r.CommentId, r.After)),
            tallies.FollowUps.Cast<CommentReplyTalliesPage>().Select(r => (r.CommentId, r.After))
        );

        // A fraction of the full listing's complexity: what makes a sweep of every post cheap.
        int Cost(WorkItem item)
        {
            var document = PackBuilder.Build([item]);
            return ComplexityEstimator.Estimate(document.Query, document.IntVariables);
        }

        Assert.True(Cost(new PostTalliesPage()) * 5 < Cost(new PostsPage()), "a lean posts page costs a fifth");
        Assert.True(
            Cost(new PostCommentTalliesPage(1)) * 2 < Cost(new PostCommentsPage(1)),
            "a lean comments page costs half"
        );
    }
}
