using Bunit;
using PHDB.Admin.Components.Data;

namespace PHDB.Admin.Tests;

public sealed class SafeLinkTests : MudComponentTest
{
    [Fact]
    public void A_javascript_address_is_plain_text_and_never_an_href()
    {
        var link = Render<SafeLink>(p => p.Add(x => x.Url, "javascript:alert(1)"));

        Assert.Empty(link.FindAll("a"));
        Assert.Empty(link.FindAll("[href]"));
        Assert.Equal("javascript:alert(1)", link.Find("[data-unsafe-url]").TextContent);
    }

    [Fact]
    public void An_https_address_is_a_link_that_opens_apart()
    {
        var link = Render<SafeLink>(p =>
            p.Add(x => x.Url, "https://www.rocket.example.com/")
                .Add(x => x.Text, "Website")
                .AddUnmatched("data-testid", "post-website")
        );

        var anchor = link.Find("a");
        Assert.Equal("https://www.rocket.example.com/", anchor.GetAttribute("href"));
        Assert.Equal("Website", anchor.TextContent.Trim());
        Assert.Equal("post-website", anchor.GetAttribute("data-testid"));
        Assert.Contains("noopener", anchor.GetAttribute("rel"), StringComparison.Ordinal);
        Assert.Equal("_blank", anchor.GetAttribute("target"));
    }

    [Fact]
    public void Markup_in_an_address_is_shown_as_text()
    {
        const string hostile = "<a href=\"javascript:alert(1)\">click</a>";

        var link = Render<SafeLink>(p => p.Add(x => x.Url, hostile));

        Assert.Empty(link.FindAll("a"));
        Assert.Equal(hostile, link.Find("[data-unsafe-url]").TextContent);
    }

    [Fact]
    public void Only_an_https_image_becomes_an_img_with_its_alternative_text()
    {
        var image = Render<SafeImage>(p =>
            p.Add(x => x.Url, "https://ph-files.imgix.net/abc.png").Add(x => x.Alt, "image 1 of Rocket")
        );
        var script = Render<SafeImage>(p => p.Add(x => x.Url, "javascript:alert(1)").Add(x => x.Alt, "image 2"));
        var data = Render<SafeImage>(p => p.Add(x => x.Url, "data:image/png;base64,AAAA").Add(x => x.Alt, "image 3"));

        var img = image.Find("img");
        Assert.Equal("https://ph-files.imgix.net/abc.png", img.GetAttribute("src"));
        Assert.Equal("image 1 of Rocket", img.GetAttribute("alt"));
        Assert.Empty(script.FindAll("img"));
        Assert.Empty(data.FindAll("img"));
        Assert.Contains("javascript:alert(1)", script.Markup, StringComparison.Ordinal);
    }
}
