using Bunit;
using PHDB.Admin.Components.Data;
using static PHDB.Admin.Tests.ReadModels;

namespace PHDB.Admin.Tests;

public sealed class PostTableTests : MudComponentTest
{
    [Fact]
    public void Each_post_links_to_its_page_and_hostile_names_stay_text()
    {
        const string hostile = "<img src=x onerror=alert(1)>";

        var table = Render<PostTable>(p => p.Add(x => x.Posts, [Post(42, hostile), Post(7, "Rocket")]));

        var links = table.FindAll("[data-testid=post-link]");
        Assert.Equal(["posts/42", "posts/7"], links.Select(l => l.GetAttribute("href")));
        Assert.Equal([hostile, "Rocket"], links.Select(l => l.TextContent.Trim()));
        Assert.Empty(table.FindAll("img"));
        Assert.All(table.FindAll("th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.NotNull(table.Find("table[data-testid=posts]"));
    }
}
