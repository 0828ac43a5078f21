using PHDB.Harvest.Processing;

namespace PHDB.Harvest.Tests.Processing;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>Hello <b>world</b></p>", "Hello world")]
    [InlineData("Fish &amp; chips &lt;3 &#128640;", "Fish & chips <3 🚀")]
    [InlineData("Line one<br>Line two", "Line one\nLine two")]
    [InlineData("<p>First</p><p>Second</p>", "First\nSecond")]
    [InlineData("Before<script>alert('x')</script>After", "Before After")]
    [InlineData("<img src=x onerror=\"alert(1)\">caption", "caption")]
    [InlineData("<style>p{}</style><!-- note -->Text", "Text")]
    [InlineData("  spaced \t\u00a0 out  ", "spaced out")]
    [InlineData("שלום <i>עולם</i>", "שלום עולם")]
    public void Html_becomes_plain_text(string html, string text) => Assert.Equal(text, HtmlText.ToText(html));

    [Theory]
    [InlineData("one<b>two</b>", "one two")]
    [InlineData("one<!-- note -->two", "one two")]
    [InlineData("one<style>p{}</style>two", "one two")]
    public void Removed_markup_keeps_the_words_around_it_apart(string html, string text) =>
        Assert.Equal(text, HtmlText.ToText(html));

    [Theory]
    [InlineData("<p>One</p>\n<p>Two</p>", "One\n\nTwo")]
    [InlineData("One<br><br/><BR />Two", "One\n\nTwo")]
    [InlineData("<br>One</li>\n\n\n<li>Two</li><br>", "One\n\nTwo")]
    [InlineData("One\r\nTwo", "One\nTwo")]
    public void Blank_lines_between_blocks_fold_into_one_and_none_lead_or_trail(string html, string text) =>
        Assert.Equal(text, HtmlText.ToText(html));

    [Theory]
    [InlineData("1 < 2<b>3</b>", "1 < 2 3")]
    [InlineData("Ship in <5 minutes, not >1 hour", "Ship in <5 minutes, not >1 hour")]
    [InlineData("a <= b and c > d", "a <= b and c > d")]
    [InlineData("<!DOCTYPE html><?xml version=\"1.0\"?>Text", "Text")]
    public void A_less_than_sign_that_opens_no_tag_is_text(string html, string text)
    {
        Assert.Equal(text, HtmlText.ToText(html));
        Assert.Equal(text, HtmlText.ToLine(html));
    }

    [Fact]
    public void Control_characters_become_spaces() =>
        Assert.Equal("a b c d", HtmlText.ToText("a\u0001b\u007f\u0000c\u009fd"));

    [Fact]
    public void A_missing_value_stays_missing() => Assert.Null(HtmlText.ToText(null));

    [Theory]
    [InlineData("Acme\n  Rockets", "Acme Rockets")]
    [InlineData("R&amp;D <em>tools</em>", "R&D tools")]
    [InlineData("Tab\there\u200b", "Tab here\u200b")]
    [InlineData("One<br>Two</p>\n\n<p>Three", "One Two Three")]
    [InlineData("Bell\u0007 and\u001b escape", "Bell and escape")]
    public void Single_line_fields_fold_all_white_space(string value, string line) =>
        Assert.Equal(line, HtmlText.ToLine(value));
}
