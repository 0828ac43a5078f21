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

    [Fact]
    public void A_missing_value_stays_missing() => Assert.Null(HtmlText.ToText(null));

    [Theory]
    [InlineData("Acme\n  Rockets", "Acme Rockets")]
    [InlineData("R&amp;D <em>tools</em>", "R&D tools")]
    [InlineData("Tab\there\u200b", "Tab here\u200b")]
    public void Single_line_fields_fold_all_white_space(string value, string line) =>
        Assert.Equal(line, HtmlText.ToLine(value));
}
