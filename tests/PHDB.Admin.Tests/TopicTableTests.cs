using Bunit;
using PHDB.Admin.Components.Data;
using PHDB.Admin.Data;
using PHDB.Storage;
using static PHDB.Admin.Tests.ReadModels;

namespace PHDB.Admin.Tests;

public sealed class TopicTableTests : MudComponentTest
{
    private static readonly TopicSummary[] Topics =
    [
        Topic(1, "Productivity", stored: 30, postsCount: 900, followers: 10),
        Topic(2, "AI", stored: 50, postsCount: null, followers: 300),
        Topic(3, "Design Tools", stored: 30, postsCount: 100, followers: 20),
    ];

    [Fact]
    public void The_order_toggles_on_the_same_column_and_starts_fresh_on_another()
    {
        var order = TopicOrder.Default;
        Assert.Equal(["AI", "Design Tools", "Productivity"], order.Apply(Topics).Select(t => t.Name));

        order = order.Toggle(TopicColumn.StoredPosts);
        Assert.Equal(["Design Tools", "Productivity", "AI"], order.Apply(Topics).Select(t => t.Name));

        order = order.Toggle(TopicColumn.Name);
        Assert.Equal(new TopicOrder(TopicColumn.Name, Descending: false), order);
        Assert.Equal(["AI", "Design Tools", "Productivity"], order.Apply(Topics).Select(t => t.Name));

        order = order.Toggle(TopicColumn.PostsCount);
        Assert.Equal(["Productivity", "Design Tools", "AI"], order.Apply(Topics).Select(t => t.Name));
        Assert.Equal("descending", order.AriaSort(TopicColumn.PostsCount));
        Assert.Equal("none", order.AriaSort(TopicColumn.Name));
    }

    [Fact]
    public void Clicking_a_header_sorts_the_rows()
    {
        var table = Render<TopicTable>(p => p.Add(x => x.Topics, Topics).Add(x => x.SelectedSlug, "ai"));
        Assert.Equal(["ai", "design-tools", "productivity"], Slugs(table));
        Assert.Equal("true", table.Find("tr[data-topic-slug=ai]").GetAttribute("aria-current"));

        table.Find("[data-testid=sort-Followers]").Click();
        Assert.Equal(["ai", "design-tools", "productivity"], Slugs(table));
        Assert.Equal("descending", table.Find("[data-testid=sort-Followers]").Closest("th")!.GetAttribute("aria-sort"));

        table.Find("[data-testid=sort-Followers]").Click();
        Assert.Equal(["productivity", "design-tools", "ai"], Slugs(table));
        Assert.Equal("ascending", table.Find("[data-testid=sort-Followers]").Closest("th")!.GetAttribute("aria-sort"));
    }

    [Fact]
    public void Each_topic_links_to_its_chart_and_its_posts()
    {
        var table = Render<TopicTable>(p => p.Add(x => x.Topics, Topics));

        var row = table.Find("tr[data-topic-slug=design-tools]");
        Assert.Equal(
            ["topics?topic=design-tools", "posts?topic=design-tools"],
            row.QuerySelectorAll("a").Select(a => a.GetAttribute("href"))
        );
        Assert.All(table.FindAll("th"), th => Assert.Equal("col", th.GetAttribute("scope")));
    }

    private static List<string?> Slugs(IRenderedComponent<TopicTable> table) =>
        [.. table.FindAll("tbody tr").Select(r => r.GetAttribute("data-topic-slug"))];
}
