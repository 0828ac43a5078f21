using System.Text;

namespace PHDB.Simulator.Tests;

/// <summary>Connection paging: the 20-node clamp, first &lt;= 0 and the offset cursors.</summary>
public sealed class PagingTests(SharedSimulator simulator)
{
    private const string Page =
        "query($first: Int, $after: String, $last: Int, $before: String) { posts(order: NEWEST, first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id } } pageInfo { startCursor endCursor hasNextPage hasPreviousPage } } }";

    private async Task<string[]> IdsAsync(object variables)
    {
        var answer = (await Api.QueryAsync(simulator.Host, Page, variables)).EnsureData();
        return [.. answer.Data!["posts"]!["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!)];
    }

    [Fact]
    public async Task First_above_twenty_is_clamped_to_twenty()
    {
        Assert.Equal(20, (await IdsAsync(new { first = 100 })).Length);
        Assert.Equal(20, (await IdsAsync(new { })).Length);
        Assert.Equal(20, (await IdsAsync(new { last = 50 })).Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task First_zero_or_negative_returns_no_edges(int first)
    {
        Assert.Empty(await IdsAsync(new { first }));
    }

    [Fact]
    public async Task Cursors_are_base64_offsets_accepted_padded_and_unpadded()
    {
        var firstPage = await IdsAsync(new { first = 10 });
        var answer = (await Api.QueryAsync(simulator.Host, Page, new { first = 3 })).EnsureData();
        var edges = answer.Data!["posts"]!["edges"]!.AsArray();
        Assert.Equal(["MQ==", "Mg==", "Mw=="], edges.Select(e => (string)e!["cursor"]!));

        var padded = await IdsAsync(new { first = 3, after = "Mw==" });
        var unpadded = await IdsAsync(new { first = 3, after = "Mw" });
        Assert.Equal(firstPage[3..6], padded);
        Assert.Equal(padded, unpadded);
        Assert.Equal(
            firstPage[7..10],
            await IdsAsync(new { first = 3, after = Convert.ToBase64String(Encoding.ASCII.GetBytes("7")) })
        );
    }

    [Fact]
    public async Task Base64_junk_cursor_silently_returns_the_first_page()
    {
        var firstPage = await IdsAsync(new { first = 5 });
        Assert.Equal(
            firstPage,
            await IdsAsync(new { first = 5, after = Convert.ToBase64String(Encoding.ASCII.GetBytes("junk")) })
        );
        Assert.Equal(firstPage, await IdsAsync(new { first = 5, after = "Zm9v" }));
    }

    [Fact]
    public async Task Non_base64_cursor_is_invalid_input_with_null_data()
    {
        var answer = await Api.QueryAsync(simulator.Host, Page, new { first = 5, after = "!!not base64!!" });
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.Json["data"]);
        Assert.True(answer.Json.AsObject().ContainsKey("data"));
        Assert.Equal("Invalid input: \"!!not base64!!\"", (string)answer.Errors![0]!["message"]!);
    }

    [Fact]
    public async Task Last_and_before_page_backwards_and_page_info_reports_neighbours()
    {
        var firstPage = await IdsAsync(new { first = 20 });
        Assert.Equal(
            firstPage[5..9],
            await IdsAsync(new { last = 4, before = Convert.ToBase64String(Encoding.ASCII.GetBytes("10")) })
        );

        var answer = (await Api.QueryAsync(simulator.Host, Page, new { first = 5, after = "NQ==" })).EnsureData();
        var info = answer.Data!["posts"]!["pageInfo"]!;
        Assert.True((bool)info["hasNextPage"]!);
        Assert.True((bool)info["hasPreviousPage"]!);
        Assert.Equal("Ng==", (string)info["startCursor"]!);
        Assert.Equal("MTA=", (string)info["endCursor"]!);
    }
}
