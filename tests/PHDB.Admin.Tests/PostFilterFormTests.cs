using Bunit;
using PHDB.Admin.Components.Data;
using PHDB.Admin.Data;
using PHDB.Storage;

namespace PHDB.Admin.Tests;

public sealed class PostFilterFormTests : MudComponentTest
{
    private static readonly TopicReference[] Topics =
    [
        new(1, "Productivity", "productivity"),
        new(2, "Developer Tools", "developer-tools"),
    ];

    private readonly List<PostFilter> applied = [];

    [Fact]
    public void The_inputs_show_the_filter_of_the_address()
    {
        var form = RenderForm(
            PostFilterQuery.Parse("?from=2024-06-01&to=2024-06-30&topic=productivity&q=notes&sort=votes&featured=true")
        );

        Assert.Equal("notes", form.Find("input[data-testid=post-search]").GetAttribute("value"));
        Assert.Equal("2024-06-01", form.Find("input[data-testid=post-from]").GetAttribute("value"));
        Assert.Equal("2024-06-30", form.Find("input[data-testid=post-to]").GetAttribute("value"));
        Assert.Equal("Productivity", form.Find("input[data-testid=post-topic]").GetAttribute("value"));
        Assert.Equal("Most votes", form.Find("input[data-testid=post-sort]").GetAttribute("value"));
    }

    [Fact]
    public void Every_input_is_labelled()
    {
        var form = RenderForm(PostFilter.None);

        foreach (var input in form.FindAll("input:not([type=checkbox])"))
        {
            var id = input.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), input.OuterHtml);
            Assert.NotNull(form.Find($"label[for='{id}']"));
        }

        Assert.Equal("Featured only", form.Find("input[type=checkbox]").Closest("label")!.TextContent.Trim());
    }

    [Fact]
    public void Search_applies_the_text_and_days_with_the_rest_of_the_filter()
    {
        var form = RenderForm(PostFilterQuery.Parse("?topic=productivity&sort=votes"));

        form.Find("input[data-testid=post-search]").Input("  calendar bot ");
        form.Find("input[data-testid=post-from]").Change("2024-06-01");
        form.Find("input[data-testid=post-to]").Change("2024-06-02");
        form.Find("form").Submit();

        var filter = Assert.Single(applied);
        Assert.Equal(
            new PostFilter
            {
                From = new DateOnly(2024, 6, 1),
                To = new DateOnly(2024, 6, 2),
                Topic = "productivity",
                Text = "calendar bot",
                Sort = PostSort.Votes,
            },
            filter
        );
        Assert.Equal(
            "posts?from=2024-06-01&to=2024-06-02&topic=productivity&q=calendar%20bot&sort=votes",
            PostFilterQuery.ToRelativeUri(filter)
        );
    }

    [Fact]
    public void Featured_only_applies_at_once()
    {
        var form = RenderForm(PostFilterQuery.Parse("?q=notes"));

        form.Find("input[type=checkbox]").Change(true);

        Assert.Equal(new PostFilter { Text = "notes", FeaturedOnly = true }, Assert.Single(applied));
    }

    [Fact]
    public void Clear_applies_no_filter()
    {
        var form = RenderForm(PostFilterQuery.Parse("?q=notes&featured=true"));

        form.Find("[data-testid=post-clear]").Click();

        Assert.Equal(PostFilter.None, Assert.Single(applied));
    }

    [Fact]
    public void A_reversed_range_is_pointed_out()
    {
        var form = RenderForm(PostFilterQuery.Parse("?from=2024-06-02&to=2024-06-01"));

        Assert.Contains("after the last", form.Find("[role=status]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<PostFilterForm> RenderForm(PostFilter filter) =>
        Render<PostFilterForm>(p =>
            p.Add(x => x.Filter, filter).Add(x => x.Topics, Topics).Add(x => x.FilterChanged, f => applied.Add(f))
        );
}
