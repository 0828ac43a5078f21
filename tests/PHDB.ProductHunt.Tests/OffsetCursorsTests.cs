namespace PHDB.ProductHunt.Tests;

/// <summary>The API's documented cursors: base64 of an item's 1-based position.</summary>
public sealed class OffsetCursorsTests
{
    [Theory]
    [InlineData(1, "MQ==")]
    [InlineData(20, "MjA=")]
    [InlineData(400, "NDAw")]
    [InlineData(12345, "MTIzNDU=")]
    public void A_position_is_written_as_base64_of_its_digits(int position, string cursor)
    {
        Assert.Equal(cursor, OffsetCursors.At(position));
        Assert.Equal(position, OffsetCursors.Position(cursor));
    }

    [Theory]
    [InlineData("MQ", 1)]
    [InlineData("MjA", 20)]
    [InlineData("MTIzNDU", 12345)]
    public void Unpadded_cursors_are_read_too(string cursor, int position) =>
        Assert.Equal(position, OffsetCursors.Position(cursor));

    [Fact]
    public void No_cursor_is_the_start_of_the_connection() => Assert.Equal(0, OffsetCursors.Position(null));

    [Theory]
    [InlineData("v1")]
    [InlineData("not base64!")]
    [InlineData("YWJj")] // "abc"
    [InlineData("MA==")] // "0"
    [InlineData("LTE=")] // "-1"
    [InlineData("")]
    public void A_cursor_in_another_format_names_no_position(string cursor) =>
        Assert.Null(OffsetCursors.Position(cursor));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Positions_start_at_one(int position) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OffsetCursors.At(position));
}
