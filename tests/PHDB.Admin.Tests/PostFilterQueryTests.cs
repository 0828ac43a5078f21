using PHDB.Admin.Data;
using PHDB.Storage;

namespace PHDB.Admin.Tests;

public sealed class PostFilterQueryTests
{
    [Fact]
    public void No_filter_is_the_bare_posts_page()
    {
        Assert.Equal("", PostFilterQuery.ToQueryString(PostFilter.None));
        Assert.Equal("posts", PostFilterQuery.ToRelativeUri(PostFilter.None));
        Assert.Equal(PostFilter.None, PostFilterQuery.Parse("http://127.0.0.1:5080/posts"));
    }

    [Fact]
    public void Every_filter_is_written_to_the_query_string()
    {
        var filter = new PostFilter
        {
            From = new DateOnly(2024, 6, 1),
            To = new DateOnly(2024, 6, 30),
            Topic = "developer-tools",
            Text = "notes & calendar",
            Sort = PostSort.Votes,
            FeaturedOnly = true,
        };

        Assert.Equal(
            "posts?from=2024-06-01&to=2024-06-30&topic=developer-tools&q=notes%20%26%20calendar&sort=votes&featured=true",
            PostFilterQuery.ToRelativeUri(filter)
        );
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=rocket")]
    [InlineData("?from=2013-11-24")]
    [InlineData("?to=2030-01-31&featured=true")]
    [InlineData("?topic=artificial-intelligence&sort=votes")]
    [InlineData("?from=2024-01-01&to=2023-01-01&topic=a&q=%3Cscript%3E&sort=votes&featured=true")]
    public void A_query_string_round_trips(string query)
    {
        var filter = PostFilterQuery.Parse("posts" + query);

        Assert.Equal(query, PostFilterQuery.ToQueryString(filter));
        Assert.Equal(filter, PostFilterQuery.Parse(PostFilterQuery.ToRelativeUri(filter)));
    }

    [Fact]
    public void A_shared_address_gives_back_the_filter()
    {
        var filter = PostFilterQuery.Parse(
            "http://127.0.0.1:5080/posts?q=%20note%20taking%20&topic=productivity&from=2024-06-03&to=2024-06-04&sort=VOTES&featured=1#top"
        );

        Assert.Equal(
            new PostFilter
            {
                From = new DateOnly(2024, 6, 3),
                To = new DateOnly(2024, 6, 4),
                Topic = "productivity",
                Text = "note taking",
                Sort = PostSort.Votes,
                FeaturedOnly = true,
            },
            filter
        );
    }

    [Theory]
    [InlineData("?from=yesterday&to=2024-13-01&sort=random&featured=maybe&q=%20%20&topic=")]
    [InlineData("?from=03/06/2024&to=2024-6-3")]
    public void Malformed_values_are_ignored(string query) =>
        Assert.Equal(PostFilter.None, PostFilterQuery.Parse(query));

    [Fact]
    public void Long_text_is_cut()
    {
        var filter = PostFilterQuery.Read(null, null, null, new string('a', 500), null, null);

        Assert.Equal(PostFilterQuery.MaxTextLength, filter.Text!.Length);
    }

    [Fact]
    public void The_filter_becomes_the_readers_query()
    {
        var filter = PostFilterQuery.Parse("?from=2024-06-01&to=2024-06-02&topic=ai&q=bot&sort=votes&featured=true");

        var query = filter.ToQuery("cursor", 25);

        Assert.Equal(
            new PostQuery
            {
                From = new DateOnly(2024, 6, 1),
                To = new DateOnly(2024, 6, 2),
                TopicSlug = "ai",
                Text = "bot",
                Sort = PostSort.Votes,
                FeaturedOnly = true,
                Limit = 25,
                Cursor = "cursor",
            },
            query
        );
    }

    [Fact]
    public void A_reversed_range_is_noticed()
    {
        Assert.True(PostFilterQuery.Parse("?from=2024-06-02&to=2024-06-01").IsRangeReversed);
        Assert.False(PostFilterQuery.Parse("?from=2024-06-01&to=2024-06-01").IsRangeReversed);
        Assert.False(PostFilterQuery.Parse("?from=2024-06-01").IsRangeReversed);
    }

    [Fact]
    public void A_topic_links_to_its_posts() =>
        Assert.Equal("posts?topic=web%20app", PostLinks.PostsOfTopic("web app"));
}
