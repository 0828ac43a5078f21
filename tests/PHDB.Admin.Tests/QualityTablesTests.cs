using Bunit;
using PHDB.Admin.Components.Data;
using PHDB.Admin.Data;
using PHDB.Storage;
using static PHDB.Admin.Tests.ReadModels;

namespace PHDB.Admin.Tests;

public sealed class QualityTablesTests : MudComponentTest
{
    private static readonly QualityFinding[] Findings =
    [
        new(1, "posts", 42, "missing-topics", "no topics", T0, 7),
        new(2, "comments", 9, "orphan", "<script>alert('phdb')</script>", T0.AddMinutes(-1), null),
    ];

    [Fact]
    public void Only_findings_about_posts_link_to_the_post()
    {
        Assert.Equal("posts/42", QualityFindingLinks.PostHref(Findings[0]));
        Assert.Null(QualityFindingLinks.PostHref(Findings[1]));

        var table = Render<FindingTable>(p => p.Add(x => x.Findings, Findings));

        var link = Assert.Single(table.FindAll("a"));
        Assert.Equal("posts/42", link.GetAttribute("href"));
        Assert.Equal("post 42", link.TextContent.Trim());
        Assert.Empty(table.FindAll("script"));
        Assert.Contains(
            "<script>alert('phdb')</script>",
            table.Find("tr[data-finding-id='2']").TextContent,
            StringComparison.Ordinal
        );
        Assert.NotNull(table.Find("table[data-testid=findings]"));
    }

    [Fact]
    public void Each_check_links_to_its_findings_with_its_count()
    {
        var table = Render<QualityCheckTable>(p =>
            p.Add(x => x.Checks, [new("missing-topics", 1200, T0), new("orphan & co", 3, T0)])
                .Add(x => x.SelectedCheck, "orphan & co")
        );

        Assert.Equal(
            ["quality?check=missing-topics", "quality?check=orphan%20%26%20co"],
            table.FindAll("a").Select(a => a.GetAttribute("href"))
        );
        Assert.Equal(["1,200", "3"], table.FindAll("[data-testid=check-count]").Select(c => c.TextContent));
        Assert.Contains(
            "1,203 finding(s) from 2 check(s)",
            table.Find("caption").TextContent,
            StringComparison.Ordinal
        );
        Assert.Equal("true", table.Find("tr[data-check='orphan & co']").GetAttribute("aria-current"));
    }
}
