using PHDB.Admin.Data;

namespace PHDB.Admin.Tests;

public sealed class PostPagerTests
{
    [Fact]
    public void Previous_goes_back_through_the_cursors_of_next()
    {
        var pager = new PostPager();
        Assert.Null(pager.Cursor);
        Assert.False(pager.HasPrevious);
        Assert.Equal(1, pager.PageNumber);

        pager.Next("c2");
        pager.Next("c3");
        Assert.Equal("c3", pager.Cursor);
        Assert.Equal(3, pager.PageNumber);

        pager.Previous();
        Assert.Equal("c2", pager.Cursor);
        pager.Previous();
        Assert.Null(pager.Cursor);
        Assert.False(pager.HasPrevious);
        Assert.Throws<InvalidOperationException>(pager.Previous);
    }

    [Fact]
    public void Reset_returns_to_the_first_page()
    {
        var pager = new PostPager();
        pager.Next("c2");

        pager.Reset();

        Assert.Null(pager.Cursor);
        Assert.Equal(1, pager.PageNumber);
        Assert.False(pager.HasPrevious);
    }
}
