using PHDB.Domain;
using PHDB.Harvest.Processing;

namespace PHDB.Harvest.Tests.Processing;

public sealed class SanitiserTests
{
    private readonly Sanitiser sanitiser = new();

    [Fact]
    public void The_sanitiser_runs_before_every_check()
    {
        Assert.Equal(Sanitiser.DefaultPriority, sanitiser.Priority);
        Assert.True(sanitiser.Priority < QualityChecks.DefaultPriority);
    }

    [Fact]
    public void A_user_gets_single_line_text_and_tracking_free_urls()
    {
        var user = User() with
        {
            Name = "  Ada&nbsp;<b>Lovelace</b>\n",
            Headline = "Maker of <i>engines</i>\r\nand &amp; notes",
            WebsiteUrl = " https://ada.example/?utm_source=ph&lang=en ",
            Url = "https://www.producthunt.com/@ada?utm_medium=api",
        };

        var cleaned = Assert.Single(Clean(new HarvestBatch { Users = [user] }).Users);

        Assert.Equal(
            user with
            {
                Name = "Ada Lovelace",
                Headline = "Maker of engines and & notes",
                WebsiteUrl = "https://ada.example/?lang=en",
                Url = "https://www.producthunt.com/@ada",
            },
            cleaned
        );
    }

    [Fact]
    public void A_user_without_headline_or_website_keeps_them_missing()
    {
        var user = User() with { Headline = null, WebsiteUrl = null };

        var cleaned = Assert.Single(Clean(new HarvestBatch { Users = [user] }).Users);

        Assert.Equal(user, cleaned);
        Assert.Null(cleaned.Headline);
        Assert.Null(cleaned.WebsiteUrl);
    }

    [Fact]
    public void A_full_topic_gets_a_single_line_name_a_text_description_and_a_tracking_free_url()
    {
        var topic = new Topic(
            4,
            Name: "Developer\tTools",
            Slug: "developer-tools",
            Description: "<p>Tools for <b>developers</b></p><p>and their &quot;teams&quot;</p>",
            Url: "https://www.producthunt.com/topics/developer-tools?utm_campaign=x&page=2",
            CreatedAt: Samples.Created,
            FollowersCount: 12,
            PostsCount: 3
        );

        var cleaned = Assert.Single(Clean(new HarvestBatch { Topics = [topic] }).Topics);

        Assert.Equal(
            topic with
            {
                Name = "Developer Tools",
                Description = "Tools for developers\nand their \"teams\"",
                Url = "https://www.producthunt.com/topics/developer-tools?page=2",
            },
            cleaned
        );
    }

    [Fact]
    public void A_topic_stub_stays_a_stub()
    {
        var stub = new Topic(5, Name: " AI <3 ", Slug: "ai");

        var cleaned = Assert.Single(Clean(new HarvestBatch { Topics = [stub] }).Topics);

        Assert.Equal(stub with { Name = "AI <3" }, cleaned);
        Assert.True(cleaned.IsStub);
        Assert.Null(cleaned.Url);
    }

    [Fact]
    public void A_post_gets_clean_text_and_every_url_including_its_product_links_loses_tracking()
    {
        var post = Samples.Post() with
        {
            Name = "Acme\u2028Rockets",
            Tagline = "<em>Fast</em>   &amp; cheap",
            Description = "Launch<br>today<script>track()</script>",
            ProductLinks =
            [
                new ProductLink("website", "https://acme.example/?utm_source=x"),
                new ProductLink("appStore", "https://apps.example/acme?id=9&UTM_TERM=y"),
                new ProductLink("other", "not a url?utm_source=x"),
            ],
        };

        var cleaned = Assert.Single(Clean(new HarvestBatch { Posts = [post] }).Posts);

        Assert.Equal("Acme Rockets", cleaned.Name);
        Assert.Equal("Fast & cheap", cleaned.Tagline);
        Assert.Equal("Launch\ntoday", cleaned.Description);
        Assert.Equal("https://www.producthunt.com/posts/acme", cleaned.Url);
        Assert.Equal("https://acme.example/?ref=ph", cleaned.Website);
        Assert.Equal(
            [
                new ProductLink("website", "https://acme.example/"),
                new ProductLink("appStore", "https://apps.example/acme?id=9"),
                new ProductLink("other", "not a url?utm_source=x"),
            ],
            cleaned.ProductLinks
        );
        Assert.Equal(
            (post.Id, post.Slug, post.VotesCount, post.CreatedAt),
            (cleaned.Id, cleaned.Slug, cleaned.VotesCount, cleaned.CreatedAt)
        );
    }

    [Fact]
    public void A_post_without_description_keeps_it_missing()
    {
        var post = Samples.Post() with { Description = null };

        var cleaned = Assert.Single(Clean(new HarvestBatch { Posts = [post] }).Posts);

        Assert.Null(cleaned.Description);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("<div>Best <u>launches</u></div><div>of the week</div>", "Best launches\nof the week")]
    public void A_collection_gets_clean_text_and_a_tracking_free_url(string? description, string? expected)
    {
        var collection = new Collection(
            6,
            Name: "Weekly\u00a0 <b>picks</b>",
            Tagline: "Hand&#45;picked\ttools",
            Description: description,
            Url: "https://www.producthunt.com/@ada/collections/picks?utm_source=phdb",
            CreatedAt: Samples.Created,
            FeaturedAt: null,
            FollowersCount: 8,
            CoverImage: null,
            Curator: UserRef.Of(1),
            TopicIds: [4],
            ObservedAt: Samples.Created
        );

        var cleaned = Assert.Single(Clean(new HarvestBatch { Collections = [collection] }).Collections);

        Assert.Equal(
            collection with
            {
                Name = "Weekly picks",
                Tagline = "Hand-picked tools",
                Description = expected,
                Url = "https://www.producthunt.com/@ada/collections/picks",
            },
            cleaned
        );
    }

    [Fact]
    public void A_comment_body_becomes_text_with_its_paragraphs_and_its_url_loses_tracking()
    {
        var comment = new Comment(
            3,
            PostId: 1,
            ParentId: 2,
            Body: "<p>Congrats!</p>\n<p>Try <a href=\"https://x.example\">this</a> &gt; that</p><iframe src=x></iframe>",
            Url: " https://www.producthunt.com/posts/acme?comment=3&utm_source=phdb ",
            CreatedAt: Samples.Created,
            VotesCount: 4,
            Author: UserRef.Of(9),
            ObservedAt: Samples.Created
        );

        var cleaned = Assert.Single(Clean(new HarvestBatch { Comments = [comment] }).Comments);

        Assert.Equal(
            comment with
            {
                Body = "Congrats!\n\nTry this > that",
                Url = "https://www.producthunt.com/posts/acme?comment=3",
            },
            cleaned
        );
    }

    [Fact]
    public void Every_entity_of_a_batch_is_cleaned_in_order_and_the_rest_passes_through()
    {
        var collectionPosts = new CollectionPosts(6, [1, 2], IsComplete: true);
        var vote = new Vote(11, VoteSubject.Post, 1, Samples.Created, UserRef.Redacted);
        var batch = new HarvestBatch
        {
            Users = [User(1) with { Name = "<b>One</b>" }, User(2) with { Name = "Two " }],
            Topics = [new Topic(1, "A\nB", "a-b"), new Topic(2, "C", "c")],
            Posts = [Samples.Post(1), Samples.Post(2) with { Name = " Second " }],
            CollectionPosts = [collectionPosts],
            Votes = [vote],
        };

        var cleaned = Clean(batch);

        Assert.Equal(["One", "Two"], cleaned.Users.Select(u => u.Name));
        Assert.Equal(["A B", "C"], cleaned.Topics.Select(t => t.Name));
        Assert.Equal([(1L, "Acme"), (2L, "Second")], cleaned.Posts.Select(p => (p.Id, p.Name)));
        Assert.Empty(cleaned.Collections);
        Assert.Empty(cleaned.Comments);
        Assert.Same(collectionPosts, Assert.Single(cleaned.CollectionPosts));
        Assert.Same(vote, Assert.Single(cleaned.Votes));
    }

    [Fact]
    public void Cleaning_records_no_findings()
    {
        var context = new BatchProcessingContext();

        sanitiser.Process(
            new HarvestBatch { Posts = [Samples.Post() with { Website = "javascript:alert(1)" }] },
            context
        );

        Assert.Empty(context.Findings);
    }

    private HarvestBatch Clean(HarvestBatch batch) => sanitiser.Process(batch, new BatchProcessingContext());

    private static User User(long id = 1) =>
        new(
            id,
            Name: "Ada Lovelace",
            Username: "ada",
            Headline: "Maker of engines",
            TwitterUsername: "ada",
            WebsiteUrl: "https://ada.example/",
            Url: "https://www.producthunt.com/@ada",
            CreatedAt: Samples.Created,
            ProfileImage: null,
            CoverImage: null,
            IsMaker: true
        );
}
