using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PHDB.Admin.Components.Pages;
using PHDB.Testing;

namespace PHDB.Admin.Tests;

/// <summary>The data pages over a real test database, read through the real reader and bookkeeping.</summary>
public sealed class PageTests(PostgresServer postgres) : MudComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_posts_page_pages_forward_and_back_with_the_readers_cursors()
    {
        await using var store = await SeedAsync("posts-paging");
        var page = Render<Posts>();

        page.WaitForAssertion(() => Assert.Equal(Posts.PageSize, PostIds(page).Count), Wait);
        Assert.Equal(60, PostIds(page)[0]);
        Assert.True(page.Find("[data-testid=posts-previous]").HasAttribute("disabled"));

        page.Find("[data-testid=posts-next]").Click();
        page.WaitForAssertion(() => Assert.Equal([10L, 9, 8, 7, 6, 5, 4, 3, 2, 1], PostIds(page)), Wait);
        Assert.True(page.Find("[data-testid=posts-next]").HasAttribute("disabled"));
        Assert.Contains("Page 2", page.Find("[data-testid=posts-page]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=posts-previous]").Click();
        page.WaitForAssertion(() => Assert.Equal(Posts.PageSize, PostIds(page).Count), Wait);
        Assert.Equal(60, PostIds(page)[0]);
        Assert.Equal($"posts/{PostIds(page)[0]}", page.Find("[data-testid=post-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_posts_page_reads_its_filter_from_the_address_and_writes_a_new_one_to_it()
    {
        await using var store = await SeedAsync("posts-filter");
        var page = RenderAt<Posts>("posts?topic=productivity&sort=votes");

        page.WaitForAssertion(() => Assert.Equal(30, PostIds(page).Count), Wait);
        Assert.All(PostIds(page), id => Assert.Equal(1, id % 2));
        Assert.Equal(59, PostIds(page)[0]);

        page.Find("input[data-testid=post-search]").Input("rocket");
        page.Find("form").Submit();

        page.WaitForAssertion(
            () =>
                Assert.EndsWith(
                    "/posts?topic=productivity&q=rocket&sort=votes",
                    Services.GetRequiredService<NavigationManager>().Uri,
                    StringComparison.Ordinal
                ),
            Wait
        );
        page.WaitForAssertion(() => Assert.Equal([StoredHarvest.HostilePost], PostIds(page)), Wait);
    }

    [Fact]
    public async Task The_posts_page_has_an_empty_state()
    {
        await using var store = await SeedAsync("posts-empty");
        var page = RenderAt<Posts>("posts?q=nothing-matches-this");

        page.WaitForElement("[data-testid=posts-empty]", Wait);
        Assert.Empty(page.FindAll("[data-testid=posts]"));
    }

    [Fact]
    public async Task The_post_page_shows_hostile_text_as_text_and_links_only_http_addresses()
    {
        await using var store = await SeedAsync("post");
        var page = Render<PostPage>(p => p.Add(x => x.Id, StoredHarvest.HostilePost));

        page.WaitForElement("[data-testid=post-name]", Wait);
        Assert.Equal($"Rocket {StoredHarvest.Script}", page.Find("[data-testid=post-name]").TextContent);
        Assert.Equal(
            $"Line one {StoredHarvest.Script}\nline two",
            page.Find("[data-testid=post-description]").TextContent
        );
        Assert.Empty(page.FindAll("script"));
        Assert.DoesNotContain(
            page.FindAll("[href]"),
            e => e.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase)
        );
        Assert.Empty(page.FindAll("[data-testid=post-website]"));
        Assert.Equal(
            "https://www.producthunt.com/posts/product-7",
            page.Find("[data-testid=post-url]").GetAttribute("href")
        );
        Assert.Equal("https://apps.example/7", page.Find("[data-testid=post-links] a").GetAttribute("href"));

        var image = Assert.Single(page.FindAll("img"));
        Assert.Equal("https://ph-files.example/7/0.png", image.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(image.GetAttribute("alt")));

        Assert.Equal("posts?topic=productivity", page.Find("[data-testid=post-topics] a").GetAttribute("href"));
        Assert.Contains("redacted user", page.Find("[data-testid=post-makers]").TextContent, StringComparison.Ordinal);
        Assert.Equal("redacted user", page.Find("[data-testid=post-hunter]").TextContent);

        var comments = page.Find("[data-testid=comments]");
        Assert.Equal(4, comments.QuerySelectorAll("[data-testid=comment]").Length);
        Assert.NotNull(
            comments.QuerySelector("[data-comment-id='100'] [data-comment-id='101'] [data-comment-id='102']")
        );
        Assert.Equal(
            "redacted user",
            comments.QuerySelector("[data-comment-id='100'] [data-testid=comment-author]")!.TextContent
        );
        Assert.NotNull(page.Find("[data-testid=votes-chart] svg"));
        Assert.Single(page.FindAll("h1"));
    }

    [Fact]
    public async Task The_post_page_of_an_unknown_id_says_not_found()
    {
        await using var store = await SeedAsync("post-missing");
        var page = Render<PostPage>(p => p.Add(x => x.Id, 999_999));

        page.WaitForElement("[data-testid=post-not-found]", Wait);
        Assert.Equal("Post not found", page.Find("h1").TextContent);
    }

    [Fact]
    public async Task The_topics_page_lists_topics_and_charts_the_selected_one()
    {
        await using var store = await SeedAsync("topics");
        var page = RenderAt<Topics>("topics?topic=developer-tools");

        page.WaitForElement("[data-testid=topic-chart] svg", Wait);
        Assert.Equal(2, page.FindAll("table[data-testid=topics] tbody tr").Count);
        Assert.Contains("Developer Tools", page.Find("#topic-chart-heading").TextContent, StringComparison.Ordinal);
        Assert.Contains("30 posts", page.Find("[data-testid=topic-chart]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_runs_page_lists_runs_with_outcome_and_duration()
    {
        await using var store = await SeedAsync("runs");
        var cancellationToken = Xunit.TestContext.Current.CancellationToken;
        var run = await store.Bookkeeping.StartRunAsync("full", cancellationToken);
        store.Time.Advance(TimeSpan.FromMinutes(3));
        await store.Bookkeeping.FinishRunAsync(
            run,
            Storage.HarvestOutcome.Failed,
            new Dictionary<string, long> { ["partitions"] = 4, ["parked"] = 1 },
            "1 partition(s) parked after repeated failures",
            cancellationToken
        );
        await store.Bookkeeping.StartRunAsync("incremental", cancellationToken);
        store.Time.Advance(TimeSpan.FromSeconds(20));

        var page = Render<Runs>();

        page.WaitForElement("table[data-testid=runs]", Wait);
        var rows = page.FindAll("table[data-testid=runs] tbody tr");
        Assert.Equal(
            ["running", "failed"],
            rows.Select(r => r.QuerySelector("[data-testid=run-outcome]")!.TextContent)
        );
        Assert.Equal(
            ["20 s", "3 min 00 s"],
            rows.Select(r => r.QuerySelector("[data-testid=run-duration]")!.TextContent)
        );
    }

    [Fact]
    public async Task The_quality_page_counts_findings_per_check_and_filters_by_check()
    {
        await using var store = await SeedAsync("quality");
        await store.Bookkeeping.RecordFindingsAsync(
            [
                new("posts", StoredHarvest.HostilePost, "hostile-markup", "markup in the description"),
                new("posts", 8, "hostile-markup", "markup in the tagline"),
                new("comments", 100, "orphan", "parent not harvested"),
            ],
            null,
            Xunit.TestContext.Current.CancellationToken
        );

        var all = Render<Quality>();
        all.WaitForElement("table[data-testid=findings]", Wait);
        Assert.Equal(["2", "1"], all.FindAll("[data-testid=check-count]").Select(c => c.TextContent));
        Assert.Equal(3, all.FindAll("table[data-testid=findings] tbody tr").Count);

        Services.GetRequiredService<NavigationManager>().NavigateTo("quality?check=hostile-markup");
        var filtered = all;
        filtered.WaitForAssertion(
            () => Assert.Equal(2, filtered.FindAll("table[data-testid=findings] tbody tr").Count),
            Wait
        );
        Assert.Equal(
            ["posts/7", "posts/8"],
            filtered.FindAll("[data-testid=finding-post-link]").Select(a => a.GetAttribute("href")).Order()
        );
        Assert.Equal(2, filtered.FindAll("table[data-testid=findings] tbody tr").Count);
    }

    [Fact]
    public async Task Every_page_shows_a_message_when_the_database_cannot_be_read()
    {
        await using var store = StoredHarvest.Unreachable();
        store.Register(Services);

        ShowsFailure(Render<Posts>());
        ShowsFailure(Render<PostPage>(p => p.Add(x => x.Id, 1)));
        ShowsFailure(Render<Topics>());
        ShowsFailure(Render<Runs>());
        ShowsFailure(Render<Quality>());
    }

    private static void ShowsFailure<T>(IRenderedComponent<T> page)
        where T : IComponent
    {
        page.WaitForElement("[data-testid=load-failure]", Wait);
        Assert.Contains(
            "could not be read",
            page.Find("[data-testid=load-failure]").TextContent,
            StringComparison.Ordinal
        );
        Assert.Single(page.FindAll("h1"));
    }

    private IRenderedComponent<T> RenderAt<T>(string uri)
        where T : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        return Render<T>();
    }

    private async Task<StoredHarvest> SeedAsync(string purpose)
    {
        var store = await StoredHarvest.CreateAsync(postgres, purpose);
        store.Register(Services);
        return store;
    }

    private static List<long> PostIds<T>(IRenderedComponent<T> page)
        where T : IComponent =>
        [
            .. page.FindAll("table[data-testid=posts] tbody tr")
                .Select(r =>
                    long.Parse(r.GetAttribute("data-post-id")!, System.Globalization.CultureInfo.InvariantCulture)
                ),
        ];
}
