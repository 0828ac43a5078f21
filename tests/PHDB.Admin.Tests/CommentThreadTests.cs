using Bunit;
using PHDB.Admin.Components.Data;
using PHDB.Storage;
using static PHDB.Admin.Tests.ReadModels;

namespace PHDB.Admin.Tests;

public sealed class CommentThreadTests : MudComponentTest
{
    private const string Script = "<script>alert('phdb')</script>";

    [Fact]
    public void Replies_are_nested_inside_the_comment_they_answer()
    {
        CommentNode[] roots =
        [
            Comment(
                1,
                "Congrats on the launch",
                author: User(10, "Ada"),
                replies:
                [
                    Comment(
                        2,
                        "Thanks!",
                        parentId: 1,
                        author: User(11, "Grace"),
                        replies: [Comment(4, "Agreed", parentId: 2)]
                    ),
                    Comment(3, "Pricing?", parentId: 1),
                ]
            ),
            Comment(5, "Second thread"),
        ];

        var thread = Render<CommentThread>(p => p.Add(x => x.Comments, roots));

        var container = thread.Find("[data-testid=comments]");
        Assert.Equal(5, container.QuerySelectorAll("[data-testid=comment]").Length);
        var first = CommentElement(thread, 1);
        Assert.Equal(
            [2L, 3L, 4L],
            first
                .QuerySelectorAll("[data-testid=comment]")
                .Select(c => long.Parse(c.GetAttribute("data-comment-id")!))
                .Order()
        );
        Assert.NotNull(CommentElement(thread, 2).QuerySelector("[data-comment-id='4']"));
        Assert.Null(CommentElement(thread, 3).QuerySelector("[data-testid=comment]"));
        Assert.Null(CommentElement(thread, 5).QuerySelector("[data-testid=comment]"));
        Assert.Null(CommentElement(thread, 5).ParentElement!.Closest("[data-testid=comment]"));
        Assert.Equal(
            CommentElement(thread, 1),
            CommentElement(thread, 4)
                .ParentElement!.Closest("[data-testid=comment]")!
                .ParentElement!.Closest("[data-testid=comment]")
        );
        Assert.Contains("5 stored", thread.Find("h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redacted_author_is_shown_as_redacted_user()
    {
        var thread = Render<CommentThread>(p =>
            p.Add(x => x.Comments, [Comment(1, "Nice", redacted: true), Comment(2, "Cool", author: User(7, "Linus"))])
        );

        var authors = thread.FindAll("[data-testid=comment-author]").Select(a => a.TextContent).ToList();
        Assert.Equal(["redacted user", "Linus"], authors);
    }

    [Fact]
    public void A_script_in_a_body_is_rendered_as_text()
    {
        const string body = Script + " <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">click</a>";

        var thread = Render<CommentThread>(p =>
            p.Add(x => x.Comments, [Comment(1, body, replies: [Comment(2, Script, parentId: 1)])])
        );

        Assert.Empty(thread.FindAll("script"));
        Assert.Empty(thread.FindAll("img"));
        Assert.Empty(thread.FindAll("a"));
        Assert.Equal([body, Script], thread.FindAll("[data-testid=comment-body]").Select(b => b.TextContent));
        Assert.Contains("&lt;script&gt;", thread.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_without_comments_says_so()
    {
        var thread = Render<CommentThread>(p => p.Add(x => x.Comments, []));

        Assert.Empty(thread.FindAll("[data-testid=comment]"));
        Assert.Contains("No comments", thread.Find("[data-testid=comments]").TextContent, StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement CommentElement(IRenderedComponent<CommentThread> thread, long id) =>
        thread.Find($"[data-testid=comment][data-comment-id='{id}']");
}
